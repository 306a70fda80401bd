/**
 * bench/runner: the runner's three targets, on the bundled digits (no HEMLOCK_DATA_DIR needed).
 * - Orchestration overhead: a 2,000-cell grid whose cells do nothing (a no-op worker), through
 *   the Piscina pool and the store; cells per second.
 * - Speed-up of 2 workers over 1 on a CPU-bound grid (MLPs on digits), fresh store each, twice:
 *   cold (the pool created inside the timing, as `hemlock run` meets it: each worker loads
 *   TensorFlow.js and its backend, and its JIT warms up on the first groups) and warm (the same
 *   pool has first run a one-seed grid), which is the steady state of a long sweep. Each is the
 *   median of three 1-worker/2-worker pairs, run in alternating order.
 * - Artifact reuse: models trained against the distinct (attack, rate, seed, model) tuples.
 * - The distributed executor against the local pool: the CPU-bound grid by `hemlock run`, with 2
 *   worker threads, and through Redis served by 2 `hemlock worker` processes on this machine, in
 *   alternating pairs, with the peak RSS of every process.
 * Writes bench/results/runner.json and the table between the bench:scaling markers in
 * docs/performance.md. Run: pnpm bench:runner
 */
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { resolveDataDir, selectBackend } from "@hemlock/core";
import {
  createDistributedExecutor,
  createWorkerPool,
  planExperiment,
  runExperiment,
  startDistributedWorker,
  type WorkerPool,
} from "@hemlock/runner";
import { openStore } from "@hemlock/store";
import { writeResult } from "../real-data-bench.js";
import { writePerformanceSection } from "../suite/performance-docs.js";
import { startTimedCommand, timedCommand } from "../suite/timed-command.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(REPO, "packages/cli/dist/bin.js");

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

/** 1-worker/2-worker pairs per speed-up figure (odd, for a median). */
const PAIRS = 3;

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
      execute: (job, onCell, stop, onStarted) => pool.execute(job, onCell, { stop, onStarted }),
      concurrency: pool.concurrency,
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

/**
 * Seconds for `threads` workers, each running the same training loop, from "go" to the last
 * "done": what two cores of this machine give two independent jobs, the runner's ceiling.
 */
async function trainingLoops(threads: number, backend: string, cores: number[]): Promise<number> {
  const file = new URL("./training-loop-worker.mjs", import.meta.url);
  const workers = Array.from({ length: threads }, () => new Worker(file, { workerData: { backend, steps: 8000 } }));
  const message = (w: Worker, expected: string) =>
    new Promise<void>((resolve, reject) => {
      w.once("error", reject);
      w.once("message", (m) => (m === expected ? resolve() : reject(new Error(`worker sent ${String(m)}`))));
    });
  await Promise.all(workers.map((w) => message(w, "ready")));
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const done = workers.map((w) => message(w, "done"));
  for (const w of workers) w.postMessage("go");
  await Promise.all(done);
  const seconds = (performance.now() - start) / 1000;
  // CPU time of the whole process (the loops, and V8's GC and compiler threads) over wall time:
  // one loop using more than one core leaves less than a whole core for a second loop.
  const cpu = process.cpuUsage(cpuBefore);
  cores.push((cpu.user + cpu.system) / 1e6 / seconds);
  await Promise.all(workers.map((w) => w.terminate()));
  return seconds;
}

/**
 * The trivial grid through the distributed executor: a `hemlock worker` (in this process, with
 * the no-op pool worker) takes the groups from Redis and sends the outcomes back; cells per second
 * from planning to the last cell recorded.
 */
async function queueOverhead(workerFile: string) {
  const redisUrl = process.env.HEMLOCK_REDIS_URL ?? "redis://127.0.0.1:6379";
  const backend = (await selectBackend("auto")).name;
  const prefix = `hemlock-bench-${process.pid}`;
  const { file, db } = await grid(TRIVIAL);
  const dataDir = resolveDataDir().dir;
  const worker = await startDistributedWorker({ redisUrl, backend, threads: 2, dataDir, prefix, workerFile });
  const executor = await createDistributedExecutor({ redisUrl, backend, prefix });
  const start = performance.now();
  const plan = await planExperiment(file, { backend });
  const store = await openStore(db);
  const summary = await runExperiment(plan, {
    store,
    execute: (job, onCell, stop, onStarted) => executor.execute(job, onCell, stop, onStarted),
    concurrency: Number.MAX_SAFE_INTEGER,
    loadData: false,
  });
  const seconds = (performance.now() - start) / 1000;
  store.close();
  await executor.destroy();
  await worker.close();
  return { cells: summary.finished, seconds, cellsPerSecond: summary.finished / seconds };
}

/**
 * The CPU-bound grid as users run it, from the command line, two ways: `hemlock run --workers 2`
 * (the local pool), and `hemlock run --executor bullmq` with two `hemlock worker --workers 1`
 * processes started with it (so both pay their workers' start-up inside the timing). Alternating
 * pairs; each run's wall time and the peak RSS of the run and of each worker process.
 */
async function queueAgainstLocal(pairs: number) {
  const redisUrl = process.env.HEMLOCK_REDIS_URL ?? "redis://127.0.0.1:6379";
  const env = { ...process.env, HEMLOCK_REDIS_URL: redisUrl };
  const local = async () => {
    const { file, db } = await grid(CPU_BOUND(8));
    const start = performance.now();
    const { rssMb } = await timedCommand(process.execPath, [BIN, "run", file, "--db", db, "--workers", "2", "--json"], {
      cwd: REPO,
      env,
    });
    return { seconds: (performance.now() - start) / 1000, runRssMb: rssMb };
  };
  const queued = async (pair: number) => {
    const { file, db } = await grid(CPU_BOUND(8));
    const prefix = `hemlock-bench-queue-${process.pid}-${pair}`;
    const start = performance.now();
    const workers = [1, 2].map(() =>
      startTimedCommand(process.execPath, [BIN, "worker", "--workers", "1", "--queue-prefix", prefix, "--json"], {
        cwd: REPO,
        env,
      }),
    );
    const { rssMb } = await timedCommand(
      process.execPath,
      [BIN, "run", file, "--db", db, "--executor", "bullmq", "--queue-prefix", prefix, "--json"],
      { cwd: REPO, env },
    );
    const seconds = (performance.now() - start) / 1000;
    const workerRssMb = await Promise.all(workers.map((w) => w.stop()));
    return { seconds, runRssMb: rssMb, workerRssMb };
  };
  const runs: { local: Awaited<ReturnType<typeof local>>; queue: Awaited<ReturnType<typeof queued>>; ratio: number }[] =
    [];
  for (let p = 0; p < pairs; p++) {
    let l: Awaited<ReturnType<typeof local>>;
    let q: Awaited<ReturnType<typeof queued>>;
    if (p % 2 === 0) {
      l = await local();
      q = await queued(p);
    } else {
      q = await queued(p);
      l = await local();
    }
    // Throughput of the queue over the local pool's: local time / queue time.
    const run = { local: l, queue: q, ratio: l.seconds / q.seconds };
    console.log(`  pair ${p + 1}: ${JSON.stringify(run)}`);
    runs.push(run);
  }
  const median = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor(runs.length / 2)];
  return { medianRatio: median?.ratio ?? 0, runs };
}

/**
 * Each core's floating-point throughput alone and with the other core busy too (core-probe.mjs
 * pinned with taskset): the bound the hardware puts on two workers against one, before any
 * tfjs, memory traffic or runner. `bound` is the two cores' throughput together over the faster
 * core's alone.
 */
async function coreProbe() {
  const file = fileURLToPath(new URL("./core-probe.mjs", import.meta.url));
  const pinned = async (cpu: number) => {
    const { stdout } = await promisify(execFile)("taskset", ["-c", String(cpu), process.execPath, file]);
    return (JSON.parse(stdout) as { seconds: number }).seconds;
  };
  try {
    const alone = [await pinned(0), await pinned(1)];
    const together = await Promise.all([pinned(0), pinned(1)]);
    const bound = (1 / (together[0] as number) + 1 / (together[1] as number)) * Math.min(...alone);
    return { aloneSeconds: alone, togetherSeconds: together, bound };
  } catch (error) {
    return { skipped: `taskset could not pin the probe: ${(error as Error).message}` };
  }
}

/**
 * The median of alternating 1-worker/2-worker pairs of `time`, with every pair. `workPerWorker`:
 * each worker does the 1-worker run's whole work (the bare loops), so two do twice as much.
 */
async function medianSpeedup(
  pairs: number,
  time: (threads: number) => Promise<number>,
  { workPerWorker = false } = {},
) {
  const runs: { oneWorkerSeconds: number; twoWorkersSeconds: number; speedup: number }[] = [];
  for (let p = 0; p < pairs; p++) {
    const seconds: Record<number, number> = {};
    for (const threads of p % 2 === 0 ? [1, 2] : [2, 1]) seconds[threads] = await time(threads);
    const one = seconds[1] as number;
    const two = seconds[2] as number;
    const run = { oneWorkerSeconds: one, twoWorkersSeconds: two, speedup: ((workPerWorker ? 2 : 1) * one) / two };
    console.log(`  pair ${p + 1}: ${JSON.stringify(run)}`);
    runs.push(run);
  }
  const median = [...runs].sort((a, b) => a.speedup - b.speedup)[Math.floor(runs.length / 2)];
  return { medianSpeedup: median?.speedup ?? 0, runs };
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
  const queueRow = await queueOverhead(trivialWorker);
  console.log("orchestration overhead through the queue (Redis, BullMQ)", JSON.stringify(queueRow));
  // The VM's speed drifts by 10-30% over minutes, so one 1-worker run against one 2-worker run
  // measures the drift as much as the pool. Pairs alternate which count runs first, and the
  // median pair is reported, beside the same measure for bare training loops (the ceiling).
  const backend = (await selectBackend("auto")).name;
  const cores = [await coreProbe()];
  console.log("cores: floating-point loop alone and together", JSON.stringify(cores[0]));
  const coresUsed: Record<number, number[]> = { 1: [], 2: [] };
  const ceiling = await medianSpeedup(
    PAIRS,
    (threads) => trainingLoops(threads, backend, coresUsed[threads] as number[]),
    { workPerWorker: true },
  );
  console.log("speed-up, two bare training loops (the machine's ceiling)", ceiling.medianSpeedup.toFixed(3));
  console.log("cores used by one and by two bare training loops", JSON.stringify(coresUsed));
  let two: Awaited<ReturnType<typeof timedRun>> | undefined;
  const speedupOf = (warmUp: string | undefined) =>
    medianSpeedup(PAIRS, async (threads) => {
      const r = await timedRun(CPU_BOUND(8), threads, warmUp ? { warmUp } : {});
      if (threads === 2) two = r;
      return r.seconds;
    });
  const cold = await speedupOf(undefined);
  console.log("speed-up, cold pool", cold.medianSpeedup.toFixed(3));
  const warm = await speedupOf(CPU_BOUND(1));
  console.log("speed-up, warm pool", warm.medianSpeedup.toFixed(3));
  const queue = await queueAgainstLocal(PAIRS);
  console.log("bullmq with 2 worker processes against the local pool", queue.medianRatio.toFixed(3));
  // Again at the end: the host's share of the cores changes over minutes.
  cores.push(await coreProbe());
  console.log("cores: floating-point loop alone and together", JSON.stringify(cores[1]));
  if (two === undefined) throw new Error("no 2-worker run");
  const reuse = {
    distinctAttackRateSeedModel: two.distinctTuples,
    poisonedModelsTrained: two.plannedPoisonedModels,
    retrainsOnSanitizedSets: two.plannedTrainings - two.plannedPoisonedModels,
    modelsTrainedByTheRun: two.summary.trainings,
    poisonedDatasetsMade: two.summary.poisonedDatasetsMade,
  };
  console.log("artifact reuse", JSON.stringify(reuse));
  await writeResult("runner.json", {
    backend,
    overhead: overheadRow,
    queueOverhead: queueRow,
    cores,
    speedup: { cells: two.cells, ceiling: { ...ceiling, coresUsed }, cold, warm },
    queueAgainstLocal: queue,
    reuse,
  });
  writeScalingSection({ cells: two.cells, overhead: overheadRow, ceiling, cold, warm, queue });
}

type Speedup = Awaited<ReturnType<typeof medianSpeedup>>;

/** The scaling table in docs/performance.md (the bench:scaling markers). */
function writeScalingSection(r: {
  cells: number;
  overhead: { cellsPerSecond: number };
  ceiling: Speedup;
  cold: Speedup;
  warm: Speedup;
  queue: Awaited<ReturnType<typeof queueAgainstLocal>>;
}) {
  const x = (v: number) => `${v.toFixed(2)}×`;
  const pairs = (s: Speedup) =>
    s.runs
      .map((p) => `${p.oneWorkerSeconds.toFixed(1)} → ${p.twoWorkersSeconds.toFixed(1)} s ${x(p.speedup)}`)
      .join(", ");
  const ofCeiling = (s: Speedup) => `${((s.medianSpeedup / r.ceiling.medianSpeedup) * 100).toFixed(0)}% of the ceiling`;
  const mb = (v: number) => `${v.toFixed(0)} MB`;
  const q = r.queue.runs;
  const now = new Date().toISOString().slice(0, 16).replace("T", " ");
  writePerformanceSection("scaling", "bench/runner/runner.bench.ts", [
    `Run of ${now} UTC, ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores; the CPU-bound grid is ${r.cells} cells (MLPs on the bundled digits, 30 epochs). Medians of ${PAIRS} alternating pairs. Reproduce: \`pnpm bench:runner\`; record \`bench/results/runner.json\`.`,
    "",
    "| measure | pairs | median | target |",
    "|---|---|---|---|",
    `| ceiling: two bare training loops (no runner) against one | ${r.ceiling.runs.map((p) => x(p.speedup)).join(", ")} | **${x(r.ceiling.medianSpeedup)}** | |`,
    `| 2 workers against 1, warm pool | ${pairs(r.warm)} | **${x(r.warm.medianSpeedup)}**, ${ofCeiling(r.warm)} | ≥ 95% of the ceiling |`,
    `| 2 workers against 1, cold pool (as \`hemlock run\` starts) | ${pairs(r.cold)} | ${x(r.cold.medianSpeedup)}, ${ofCeiling(r.cold)} | |`,
    `| \`hemlock run --executor bullmq\` with 2 \`hemlock worker\` processes against \`hemlock run --workers 2\` (throughput) | ${q.map((p) => `${p.local.seconds.toFixed(1)} s local, ${p.queue.seconds.toFixed(1)} s queue: ${x(p.ratio)}`).join("; ")} | **${x(r.queue.medianRatio)}** | ≥ 0.9× |`,
    `| orchestration: no-op cells through the pool and the store | | ${r.overhead.cellsPerSecond.toFixed(0)} cells/s | |`,
    "",
    "**Peak RSS per process** (GNU time), in each pair:",
    "",
    "| pair | `hemlock run --workers 2` (one process: main thread and 2 worker threads) | `hemlock run --executor bullmq` | each `hemlock worker` process (1 worker thread) |",
    "|---|---|---|---|",
    ...q.map(
      (p, i) =>
        `| ${i + 1} | ${mb(p.local.runRssMb)} | ${mb(p.queue.runRssMb)} | ${p.queue.workerRssMb.map(mb).join(", ")} |`,
    ),
  ]);
}

await main();
