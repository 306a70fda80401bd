/**
 * bench/suite/backdoor-grid: a BadNets grid on an MNIST subset, 2 attacks x 3 rates x 4 defenses
 * (one a sanitizer that retrains) x 2 seeds = 48 cells, run two ways, as their users run them:
 *   - Hemlock: `hemlock run` of the grid into a fresh store (worker threads, one per core), which
 *     trains once per (attack, rate, seed) for the defenses that keep the training set;
 *   - the peer: one PyTorch process per cell (bench/peers/backdoor_cell.py), two at a time, each
 *     loading MNIST, poisoning, training, defending and evaluating on its own.
 * Reports each side's wall time, cells per hour, the ratio and peak RSS, and checks the two agree
 * on what they measure (clean accuracy and attack success by attack and defense). Writes
 * bench/results/backdoor-grid.json and the table between the bench:backdoor-grid markers in
 * docs/performance.md. Run: HEMLOCK_DATA_DIR=../shared/data pnpm bench:backdoor-grid (about 10 minutes).
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireDataDir, writeResult } from "../real-data-bench.js";
import { writePerformanceSection } from "./performance-docs.js";
import { SMOKE } from "./smoke.js";
import { timedCommand } from "./timed-command.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(REPO, "packages/cli/dist/bin.js");
const PEER = fileURLToPath(new URL("../peers/backdoor_cell.py", import.meta.url));
const PYTHON = process.env.HEMLOCK_TORCH_PYTHON ?? "/usr/bin/python3";
const ATTACKS = ["badnets", "blended"] as const;
const DEFENSES = ["none", "perfect-filter", "spectral-signatures", "strip"] as const;
// The smoke run (suite/smoke.ts): 8 cells on 600 images, one epoch, no peer.
const RATES = SMOKE ? [0.1] : [0.05, 0.1, 0.2];
const SEEDS = SMOKE ? [1] : [1, 2];
const SUBSET = SMOKE ? 600 : 10_000;
const TEST_SUBSET = SMOKE ? 200 : 2_000;
const EPOCHS = SMOKE ? 1 : 3;
const HOLDOUT = SMOKE ? 40 : 200;
const OVERLAYS = 20;

// The peer's settings, written as a grid. STRIP scores every test input against 20 overlays, not
// its default 100, to keep the run near ten minutes; both sides use 20.
const GRID = `name: backdoor-grid-bench
dataset: {name: mnist, subset: ${SUBSET}, testSubset: ${TEST_SUBSET}}
model: badnets-cnn
train: {epochs: ${EPOCHS}, batchSize: 128, optimizer: {name: sgd, lr: 0.05, momentum: 0.9}}
seeds: ${SEEDS.length}
holdout: {size: ${HOLDOUT}}
grid:
  attack: [{name: badnets, trigger: {kind: patch, size: 5}}, blended]
  rate: [${RATES.join(", ")}]
  defense: [none, perfect-filter, spectral-signatures, {name: strip, overlays: ${OVERLAYS}}]
`;

/** Runs a command under /usr/bin/time and returns its stdout and peak RSS in MB. */
const timed = (command: string, args: string[], env: NodeJS.ProcessEnv) =>
  timedCommand(command, args, { cwd: REPO, env });

interface Row {
  attack: string;
  defense: string;
  rate: number;
  mean: number;
}

async function main(): Promise<void> {
  const dataDir = requireDataDir("bench/suite/backdoor-grid", "MNIST");
  const dir = await mkdtemp(join(tmpdir(), "hemlock-backdoor-grid-"));
  const spec = join(dir, "backdoor-grid.yaml");
  const db = join(dir, "hemlock.db");
  await writeFile(spec, GRID);
  const cells = ATTACKS.length * RATES.length * DEFENSES.length * SEEDS.length;
  const env = { ...process.env, HEMLOCK_DATA_DIR: dataDir };

  const hemlockStart = performance.now();
  const hemlock = await timed(process.execPath, [BIN, "run", spec, "--db", db, "--json"], env);
  const hemlockS = (performance.now() - hemlockStart) / 1000;
  const summary = JSON.parse(hemlock.stdout.trim().split("\n").at(-1) as string) as Record<string, unknown>;
  const exported = (metric: string) =>
    JSON.parse(
      execFileSync(process.execPath, [BIN, "export", "--db", db, "--format", "json", "--metric", metric], {
        cwd: REPO,
        encoding: "utf8",
      }),
    ) as Row[];
  const hemlockAccuracy = exported("cleanAccuracy");
  const hemlockAsr = exported("attackSuccessRate");

  // The peer: one process per cell, two at a time (one per core).
  const jobs = SMOKE
    ? []
    : ATTACKS.flatMap((attack) =>
        RATES.flatMap((rate) => DEFENSES.flatMap((defense) => SEEDS.map((seed) => ({ attack, rate, defense, seed })))),
      );
  const peerResults: {
    attack: string;
    rate: number;
    defense: string;
    cleanAccuracy: number;
    attackSuccessRate: number;
  }[] = [];
  let peerRssMb = 0;
  const peerStart = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as (typeof jobs)[number];
      const { stdout, rssMb } = await timed(
        PYTHON,
        [
          PEER,
          ...["--data", dataDir, "--attack", job.attack, "--rate", String(job.rate), "--defense", job.defense],
          ...["--seed", String(job.seed), "--subset", String(SUBSET), "--test-subset", String(TEST_SUBSET)],
          ...["--epochs", String(EPOCHS), "--holdout", String(HOLDOUT), "--overlays", String(OVERLAYS)],
        ],
        { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1" },
      );
      peerRssMb = Math.max(peerRssMb, rssMb);
      peerResults.push(JSON.parse(stdout));
    }
  };
  await Promise.all([lane(), lane()]);
  const peerS = (performance.now() - peerStart) / 1000;

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  const hemlockMean = (rows: Row[], attack: string, defense: string) =>
    mean(rows.filter((r) => r.attack.startsWith(attack) && r.defense.startsWith(defense)).map((r) => r.mean));
  const agreement = ATTACKS.flatMap((attack) =>
    DEFENSES.map((defense) => {
      const peer = peerResults.filter((r) => r.attack === attack && r.defense === defense);
      return {
        attack,
        defense,
        hemlock: {
          cleanAccuracy: hemlockMean(hemlockAccuracy, attack, defense),
          attackSuccessRate: hemlockMean(hemlockAsr, attack, defense),
        },
        peer: {
          cleanAccuracy: mean(peer.map((r) => r.cleanAccuracy)),
          attackSuccessRate: mean(peer.map((r) => r.attackSuccessRate)),
        },
      };
    }),
  );
  const record = {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    cells,
    grid: GRID,
    hemlock: {
      wallS: hemlockS,
      cellsPerHour: (cells / hemlockS) * 3600,
      peakRssMb: hemlock.rssMb,
      modelsTrained: summary.trainings ?? null,
      summary,
    },
    peer: SMOKE
      ? null
      : {
          wallS: peerS,
          cellsPerHour: (cells / peerS) * 3600,
          parallel: 2,
          peakRssMbPerProcess: peerRssMb,
          modelsTrained: jobs.reduce((n, j) => n + (j.defense === "spectral-signatures" ? 2 : 1), 0),
        },
    hemlockOverPeer: SMOKE ? null : peerS / hemlockS,
    agreement,
  };
  await writeResult("backdoor-grid.json", record);
  if (!record.peer || record.hemlockOverPeer === null) return; // smoke: no peer, no table
  const peerRecord = record.peer;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = writePerformanceSection("backdoor-grid", "bench/suite/backdoor-grid.bench.ts", [
    `Run of ${record.date.slice(0, 16).replace("T", " ")} UTC, ${record.cpu}, ${record.cores} cores: ${cells} cells (badnets with a 5×5 patch and blended × rates ${RATES.join(", ")} × none, perfect-filter, spectral-signatures, STRIP with ${OVERLAYS} overlays × ${SEEDS.length} seeds; the BadNets CNN on ${SUBSET.toLocaleString("en")} MNIST training images, ${EPOCHS} epochs, tested on ${TEST_SUBSET.toLocaleString("en")}).`,
    "",
    "| | wall time | cells per hour | models trained | peak RSS |",
    "|---|---|---|---|---|",
    `| Hemlock (\`hemlock run\`, ${record.cores} worker threads) | **${hemlockS.toFixed(0)} s** | ${Math.round(record.hemlock.cellsPerHour).toLocaleString("en")} | ${record.hemlock.modelsTrained ?? "?"} | ${record.hemlock.peakRssMb.toFixed(0)} MB (one process) |`,
    `| PyTorch, one process per cell, 2 at a time | **${peerS.toFixed(0)} s** | ${Math.round(peerRecord.cellsPerHour).toLocaleString("en")} | ${peerRecord.modelsTrained} | ${peerRssMb.toFixed(0)} MB per process, 2 at once |`,
    `| ratio (peer time / Hemlock time) | **${record.hemlockOverPeer.toFixed(2)}×** | | | |`,
    "",
    "Mean clean accuracy and attack success rate over rates and seeds, Hemlock / peer (each side draws its own subset, poisons and noise pattern):",
    "",
    "| attack | defense | clean accuracy | attack success |",
    "|---|---|---|---|",
    ...agreement.map(
      (a) =>
        `| ${a.attack} | ${a.defense} | ${pct(a.hemlock.cleanAccuracy)} / ${pct(a.peer.cleanAccuracy)} | ${pct(a.hemlock.attackSuccessRate)} / ${pct(a.peer.attackSuccessRate)} |`,
    ),
  ]);
  console.log(lines.slice(2, -2).join("\n"));
}

await main();
