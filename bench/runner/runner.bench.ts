/**
 * bench/runner: the runner's three targets, on the bundled digits (no HEMLOCK_DATA_DIR needed).
 * - Orchestration overhead: a 2,000-cell grid whose cells do nothing (a no-op worker), through
 *   the Piscina pool and the store; cells per second.
 * - Speed-up of 2 workers over 1 on a CPU-bound grid (MLPs on digits), fresh store each.
 * - Artifact reuse: models trained against the distinct (attack, rate, seed, model) tuples.
 * Writes bench/results/runner.json. Run: pnpm bench:runner
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { selectBackend } from "@hemlock/core";
import { createWorkerPool, planExperiment, runExperiment } from "@hemlock/runner";
import { openStore } from "@hemlock/store";
import { writeResult } from "../real-data-bench.js";

const TRIVIAL = `name: trivial
dataset: digits
model: {name: mlp, hidden: [8]}
seeds: 100
grid:
  attack: [label-flip, badnets]
  rate: [0.05, 0.1]
  defense: [none, perfect-filter, knn-label-sanitization, {name: random-filter, count: 10}, {name: sphere-slab, epsilon: 0.1}]
`;

const CPU_BOUND = `name: cpu-bound
dataset: digits
model: mlp
train: {epochs: 30, batchSize: 64, optimizer: {name: sgd, lr: 0.05, momentum: 0.9}}
seeds: 4
holdout: {size: 100}
grid:
  attack: [label-flip, {name: badnets, trigger: {kind: patch, size: 2}}]
  rate: [0.05, 0.1]
  defense: [none, perfect-filter, knn-label-sanitization]
`;

async function grid(text: string): Promise<{ file: string; db: string }> {
  const dir = await mkdtemp(join(tmpdir(), "hemlock-bench-runner-"));
  const file = join(dir, "grid.yaml");
  await writeFile(file, text);
  return { file, db: join(dir, "hemlock.db") };
}

async function timedRun(text: string, threads: number, workerFile?: string) {
  const backend = await selectBackend("auto");
  const { file, db } = await grid(text);
  const plan = await planExperiment(file, { backend: backend.name });
  const store = await openStore(db);
  const pool = createWorkerPool({ threads, backend: backend.name, ...(workerFile ? { workerFile } : {}) });
  const start = performance.now();
  const summary = await runExperiment(plan, {
    store,
    execute: (job, onCell) => pool.execute(job, onCell),
    concurrency: threads,
    sharedData: true,
  });
  const seconds = (performance.now() - start) / 1000;
  await pool.destroy();
  store.close();
  const trainedModels = plan.artifacts.filter((a) => a.kind === "trained-model");
  const poisonedModels = trainedModels.filter(
    (a) => plan.artifacts.find((p) => p.key === a.inputs[0])?.kind === "poisoned-data",
  );
  const tuples = new Set(
    plan.cells.map((c) => JSON.stringify([c.config.attack, c.config.rate, c.config.seed, c.config.model])),
  );
  return {
    cells: plan.cells.length,
    seconds,
    summary,
    distinctTuples: tuples.size,
    plannedPoisonedModels: poisonedModels.length,
    plannedTrainings: trainedModels.length,
  };
}

async function main(): Promise<void> {
  const trivialWorker = fileURLToPath(new URL("./trivial-worker.mjs", import.meta.url));
  const overhead = await timedRun(TRIVIAL, 2, trivialWorker);
  const overheadRow = {
    cells: overhead.cells,
    seconds: overhead.seconds,
    cellsPerSecond: overhead.cells / overhead.seconds,
  };
  console.log("orchestration overhead", JSON.stringify(overheadRow));
  const one = await timedRun(CPU_BOUND, 1);
  const two = await timedRun(CPU_BOUND, 2);
  const speedup = {
    cells: one.cells,
    oneWorkerSeconds: one.seconds,
    twoWorkersSeconds: two.seconds,
    speedup: one.seconds / two.seconds,
  };
  console.log("speed-up", JSON.stringify(speedup));
  const reuse = {
    distinctAttackRateSeedModel: two.distinctTuples,
    poisonedModelsTrained: two.plannedPoisonedModels,
    retrainsOnSanitizedSets: two.plannedTrainings - two.plannedPoisonedModels,
    modelsTrainedByTheRun: two.summary.trainings,
  };
  console.log("artifact reuse", JSON.stringify(reuse));
  await writeResult("runner.json", {
    backend: (await selectBackend("auto")).name,
    overhead: overheadRow,
    speedup,
    reuse,
  });
}

await main();
