/**
 * bench/suite/tiny-cells: 500 tiny cells (label flipping at 5 rates x 100 seeds, logistic
 * regression on UCI breast cancer, 10 epochs) run two ways, as their users run them:
 *   - Hemlock: `hemlock run` of the grid into a fresh store (2 worker threads);
 *   - the peer: one PyTorch process per cell (bench/peers/tiny_cell.py), two at a time (one per core).
 * Reports each side's wall time, cells per hour, the ratio, and Hemlock's wall time per cell, and
 * checks the two agree on what they measure (mean test accuracy by rate). Writes
 * bench/results/tiny-cells.json and the table between the bench:tiny-cells markers in
 * docs/performance.md. Run: HEMLOCK_DATA_DIR=../shared/data pnpm bench:tiny-cells (about 8 minutes).
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openStoreReadOnly } from "@hemlock/store";
import { requireDataDir, writeResult } from "../real-data-bench.js";
import { writePerformanceSection } from "./performance-docs.js";
import { SMOKE } from "./smoke.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(REPO, "packages/cli/dist/bin.js");
const PEER = fileURLToPath(new URL("../peers/tiny_cell.py", import.meta.url));
const PYTHON = process.env.HEMLOCK_TORCH_PYTHON ?? "/usr/bin/python3";
const RATES = [0.05, 0.1, 0.15, 0.2, 0.25];
const SEEDS = SMOKE ? 2 : Number(process.env.HEMLOCK_BENCH_SEEDS ?? 100);

const GRID = `name: tiny-cells
dataset: breast-cancer
model: logistic-regression
attack: label-flip
train: {epochs: 10, batchSize: 128, optimizer: {name: sgd, lr: 0.01, momentum: 0.9}}
seeds: ${SEEDS}
holdout: {size: 0}
grid:
  rate: [${RATES.join(", ")}]
`;

async function main(): Promise<void> {
  const dataDir = requireDataDir("bench/suite/tiny-cells", "UCI breast cancer");
  const dir = await mkdtemp(join(tmpdir(), "hemlock-tiny-cells-"));
  const spec = join(dir, "tiny-cells.yaml");
  await writeFile(spec, GRID);
  const cells = RATES.length * SEEDS;

  const db = join(dir, "hemlock.db");
  const hemlockStart = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, [BIN, "run", spec, "--db", db, "--json"], {
    cwd: REPO,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, HEMLOCK_DATA_DIR: dataDir },
  });
  const hemlockS = (performance.now() - hemlockStart) / 1000;
  // Hemlock's overhead per cell: the run's worker-thread time (its own wall time, without the
  // process start, times the workers) less the time the cells themselves took in the workers
  // (poisoning, training, evaluating; each cell's recorded wall time), per cell. What is left is
  // the pool starting, scheduling, moving outcomes back and recording them, and idle workers.
  const summary = JSON.parse(stdout.trim().split("\n").at(-1) as string) as { seconds: number };
  const store = openStoreReadOnly(db);
  const { workMs, workers } = store.sqlite
    .prepare(
      "SELECT sum(wall_ms) AS workMs, count(DISTINCT json_extract(provenance, '$.worker')) AS workers FROM cells WHERE status = 'finished'",
    )
    .get() as { workMs: number; workers: number };
  store.close();
  const overheadMsPerCell = (summary.seconds * 1000 * workers - workMs) / cells;
  const hemlockRows = JSON.parse(
    execFileSync(
      process.execPath,
      [BIN, "export", "--db", join(dir, "hemlock.db"), "--format", "json", "--metric", "cleanAccuracy"],
      {
        cwd: REPO,
        encoding: "utf8",
      },
    ),
  ) as { rate: number; mean: number }[];

  // The peer: one process per cell, two at a time.
  const jobs = SMOKE ? [] : RATES.flatMap((rate) => Array.from({ length: SEEDS }, (_, i) => ({ rate, seed: i + 1 })));
  const results: { rate: number; accuracy: number }[] = [];
  const peerStart = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as { rate: number; seed: number };
      const { stdout } = await promisify(execFile)(
        PYTHON,
        [PEER, "--data", dataDir, "--rate", String(job.rate), "--seed", String(job.seed)],
        {
          env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1" },
        },
      );
      results.push(JSON.parse(stdout) as { rate: number; accuracy: number });
    }
  };
  await Promise.all([lane(), lane()]);
  const peerS = (performance.now() - peerStart) / 1000;

  const byRate = RATES.map((rate) => {
    const peer = results.filter((r) => r.rate === rate).map((r) => r.accuracy);
    return {
      rate,
      hemlockAccuracy: hemlockRows.find((r) => r.rate === rate)?.mean ?? null,
      peerAccuracy: peer.reduce((a, b) => a + b, 0) / peer.length,
    };
  });
  const record = {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    cells,
    hemlock: {
      wallS: hemlockS,
      cellsPerHour: (cells / hemlockS) * 3600,
      msPerCell: (hemlockS * 1000) / cells,
      runSeconds: summary.seconds,
      workers,
      cellWorkMs: workMs / cells,
      overheadMsPerCell,
    },
    peer: SMOKE
      ? null
      : { wallS: peerS, cellsPerHour: (cells / peerS) * 3600, msPerCell: (peerS * 1000) / cells, parallel: 2 },
    speedup: SMOKE ? null : peerS / hemlockS,
    byRate,
  };
  await writeResult("tiny-cells.json", record);
  if (!record.peer || record.speedup === null) return; // smoke: no peer, no table
  const h = record.hemlock;
  const lines = writePerformanceSection("tiny-cells", "bench/suite/tiny-cells.bench.ts", [
    `Run of ${record.date.slice(0, 16).replace("T", " ")} UTC, ${record.cpu}, ${record.cores} cores: ${cells} cells (label flipping at rates ${RATES.join(", ")} × ${SEEDS} seeds; logistic regression on breast cancer, 10 epochs).`,
    "",
    "| | wall time | cells per hour | per cell |",
    "|---|---|---|---|",
    `| Hemlock (\`hemlock run\`, 2 worker threads) | **${hemlockS.toFixed(1)} s** | ${Math.round(record.hemlock.cellsPerHour).toLocaleString("en")} | ${record.hemlock.msPerCell.toFixed(1)} ms |`,
    `| PyTorch, one process per cell, 2 at a time | ${peerS.toFixed(1)} s | ${Math.round(record.peer.cellsPerHour).toLocaleString("en")} | ${record.peer.msPerCell.toFixed(1)} ms |`,
    `| ratio | **${record.speedup.toFixed(1)}×** faster | | |`,
    "",
    `Hemlock's overhead per cell: ${h.overheadMsPerCell.toFixed(1)} ms. The run took ${h.runSeconds.toFixed(1)} s inside the process (${(hemlockS - h.runSeconds).toFixed(1)} s more to start Node and plan); of its ${h.workers} workers' ${(h.runSeconds * h.workers).toFixed(1)} worker-seconds, the cells themselves (poisoning, training, evaluating, as each cell's recorded wall time) took ${h.cellWorkMs.toFixed(1)} ms each; the rest, per cell, is the pool starting (each worker loading TensorFlow.js), scheduling, sending outcomes back, recording them, and workers waiting at the end.`,
    "",
    `Mean test accuracy by rate, Hemlock / peer: ${byRate.map((r) => `${r.rate}: ${r.hemlockAccuracy === null ? "?" : (100 * r.hemlockAccuracy).toFixed(1)} / ${(100 * r.peerAccuracy).toFixed(1)}%`).join("; ")} (the splits differ: each side draws its own stratified 75/25 split).`,
  ]);
  console.log(lines.slice(2, -2).join("\n"));
}

await main();
