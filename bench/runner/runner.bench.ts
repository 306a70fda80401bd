/**
 * bench/runner: the runner's three targets, on the bundled digits (no HEMLOCK_DATA_DIR needed).
 * - Orchestration overhead: a 2,000-cell grid whose cells do nothing (a no-op worker), through
 *   the Piscina pool and the store; cells per second.
 * - Speed-up of 2 workers over 1 on a CPU-bound grid (MLPs on digits), fresh store each, twice:
 *   cold (the pool created inside the timing, as `hemlock run` meets it: each worker loads
 *   TensorFlow.js and its backend, and its JIT warms up on the first groups) and warm (the same
 *   pool has first run a one-seed grid), which is the steady state of a long sweep.
 * - Artifact reuse: models trained against the distinct (attack, rate, seed, model) tuples.
 * Writes bench/results/runner.json. Run: pnpm bench:runner
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { selectBackend } from "@hemlock/core";
import { createWorkerPool, planExperiment, runExperiment, type WorkerPool } from "@hemlock/runner";
import { openStore } from "@hemlock/store";
import { writeResult } from "../real-data-bench.js";

const TRIVIAL = `name: trivial
dataset: digits
model: {name: mlp, hidden: [8]}
seeds: 100
holdout: {size: 100}
grid:
  attack: [label-flip, badnets]
  rate: [0.05, 0.1]
  defense: [none, perfect-filter, knn-label-sanitization, {name: random-filter, count: 10}, {name: sphere-slab, epsilon: 0.1}]
`;

const CPU_BOUND = (seeds: number) => `name: cpu-bound
dataset: digits
model: mlp
train: {epochs: 30, batchSize: 64, optimizer: {name: sgd, lr: 0.05, momentum: 0.9}}
seeds: ${seeds}
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

async function timedRun(text: string, threads: number, options: { workerFile?: string; warmUp?: string } = {}) {
  const backend = await selectBackend("auto");
  const run = async (spec: string, pool: WorkerPool) => {
    const { file, db } = await grid(spec);
    const plan = await planExperiment(file, { backend: backend.name });
    const store = await openStore(db);
    const summary = await runExperiment(plan, {
      store,
      execute: (job, onCell) => pool.execute(job, onCell),
      concurrency: threads,
      sharedData: true,
    });
    store.close();
    return { plan, summary };
  };
  const newPool = () =>
    createWorkerPool({
      threads,
      backend: backend.name,
      ...(options.workerFile ? { workerFile: options.workerFile } : {}),
    });
  let pool: WorkerPool | undefined;
  if (options.warmUp) {
    pool = newPool();
    await run(options.warmUp, pool);
  }
  const start = performance.now();
  pool ??= newPool();
  const { plan, summary } = await run(text, pool);
  const seconds = (performance.now() - start) / 1000;
  await pool.destroy();
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
  const overhead = await timedRun(TRIVIAL, 2, { workerFile: trivialWorker });
  const overheadRow = {
    cells: overhead.cells,
    seconds: overhead.seconds,
    cellsPerSecond: overhead.cells / overhead.seconds,
  };
  console.log("orchestration overhead", JSON.stringify(overheadRow));
  const speedupOf = async (warmUp: string | undefined) => {
    const one = await timedRun(CPU_BOUND(8), 1, warmUp ? { warmUp } : {});
    const two = await timedRun(CPU_BOUND(8), 2, warmUp ? { warmUp } : {});
    return {
      cells: one.cells,
      oneWorkerSeconds: one.seconds,
      twoWorkersSeconds: two.seconds,
      speedup: one.seconds / two.seconds,
      two,
    };
  };
  const { two, ...cold } = await speedupOf(undefined);
  console.log("speed-up, cold pool", JSON.stringify(cold));
  const { two: _warmTwo, ...warm } = await speedupOf(CPU_BOUND(1));
  console.log("speed-up, warm pool", JSON.stringify(warm));
  const reuse = {
    distinctAttackRateSeedModel: two.distinctTuples,
    poisonedModelsTrained: two.plannedPoisonedModels,
    retrainsOnSanitizedSets: two.plannedTrainings - two.plannedPoisonedModels,
    modelsTrainedByTheRun: two.summary.trainings,
    poisonedDatasetsMade: two.summary.poisonedDatasetsMade,
  };
  console.log("artifact reuse", JSON.stringify(reuse));
  await writeResult("runner.json", {
    backend: (await selectBackend("auto")).name,
    overhead: overheadRow,
    speedup: { cold, warm },
    reuse,
  });
}

await main();
