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
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { requireDataDir, writeResult } from "../real-data-bench.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(REPO, "packages/cli/dist/bin.js");
const PEER = fileURLToPath(new URL("../peers/tiny_cell.py", import.meta.url));
const DOCS = fileURLToPath(new URL("../../docs/performance.md", import.meta.url));
const PYTHON = process.env.HEMLOCK_TORCH_PYTHON ?? "/usr/bin/python3";
const RATES = [0.05, 0.1, 0.15, 0.2, 0.25];
const SEEDS = Number(process.env.HEMLOCK_BENCH_SEEDS ?? 100);

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

  const hemlockStart = performance.now();
  await promisify(execFile)(process.execPath, [BIN, "run", spec, "--db", join(dir, "hemlock.db"), "--json"], {
    cwd: REPO,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, HEMLOCK_DATA_DIR: dataDir },
  });
  const hemlockS = (performance.now() - hemlockStart) / 1000;
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
  const jobs = RATES.flatMap((rate) => Array.from({ length: SEEDS }, (_, i) => ({ rate, seed: i + 1 })));
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
    hemlock: { wallS: hemlockS, cellsPerHour: (cells / hemlockS) * 3600, msPerCell: (hemlockS * 1000) / cells },
    peer: { wallS: peerS, cellsPerHour: (cells / peerS) * 3600, msPerCell: (peerS * 1000) / cells, parallel: 2 },
    speedup: peerS / hemlockS,
    byRate,
  };
  await writeResult("tiny-cells.json", record);
  const lines = [
    "<!-- bench:tiny-cells:start (written by bench/suite/tiny-cells.bench.ts; do not edit by hand) -->",
    "",
    `Run of ${record.date.slice(0, 16).replace("T", " ")} UTC, ${record.cpu}, ${record.cores} cores: ${cells} cells (label flipping at rates ${RATES.join(", ")} × ${SEEDS} seeds; logistic regression on breast cancer, 10 epochs).`,
    "",
    "| | wall time | cells per hour | per cell |",
    "|---|---|---|---|",
    `| Hemlock (\`hemlock run\`, 2 worker threads) | **${hemlockS.toFixed(1)} s** | ${Math.round(record.hemlock.cellsPerHour).toLocaleString("en")} | ${record.hemlock.msPerCell.toFixed(1)} ms |`,
    `| PyTorch, one process per cell, 2 at a time | ${peerS.toFixed(1)} s | ${Math.round(record.peer.cellsPerHour).toLocaleString("en")} | ${record.peer.msPerCell.toFixed(1)} ms |`,
    `| ratio | **${record.speedup.toFixed(1)}×** faster | | |`,
    "",
    `Mean test accuracy by rate, Hemlock / peer: ${byRate.map((r) => `${r.rate}: ${r.hemlockAccuracy === null ? "?" : (100 * r.hemlockAccuracy).toFixed(1)} / ${(100 * r.peerAccuracy).toFixed(1)}%`).join("; ")} (the splits differ: each side draws its own stratified 75/25 split).`,
    "",
    "<!-- bench:tiny-cells:end -->",
  ];
  const docs = readFileSync(DOCS, "utf8");
  const start = docs.indexOf("<!-- bench:tiny-cells:start");
  const end = docs.indexOf("<!-- bench:tiny-cells:end -->");
  if (start < 0 || end < 0) throw new Error(`${DOCS}: the bench:tiny-cells markers are missing`);
  writeFileSync(
    DOCS,
    docs.slice(0, start) + lines.join("\n") + docs.slice(end + "<!-- bench:tiny-cells:end -->".length),
  );
  console.log(lines.slice(2, -2).join("\n"));
}

await main();
