/**
 * Runs a planned experiment through the worker pool into the store, with progress on the
 * terminal and the two-stage Ctrl-C (the first lets running cells finish, the second exits at
 * once): what `hemlock run` and `hemlock repro` share.
 */
import type { BackendName } from "@hemlock/core";
import {
  createDistributedExecutor,
  createWorkerPool,
  defaultWorkerCount,
  type ExperimentPlan,
  type RunOptions,
  type RunSummary,
  runExperiment,
} from "@hemlock/runner";
import type { Store } from "@hemlock/store";
import { progressReporter } from "./format/run-progress.js";

export interface GridRunOptions {
  store: Store;
  dataDir: string;
  backend: BackendName;
  workers?: number;
  retries?: number;
  failFast?: boolean;
  rerun?: "failed" | "all";
  json?: boolean;
  /** Run through a queue in Redis served by `hemlock worker` (absent: a worker-thread pool here). */
  queue?: QueueOptions;
}

export interface QueueOptions {
  redisUrl: string;
  prefix: string;
}

/** The queue the parsed `--executor`, `--redis-url` and `--queue-prefix` options ask for, if any. */
export function queueOptions(options: { executor: string; redisUrl: string; queuePrefix: string }): {
  queue?: QueueOptions;
} {
  if (options.executor !== "bullmq") return {};
  return { queue: { redisUrl: options.redisUrl, prefix: options.queuePrefix } };
}

export interface GridRun {
  summary: RunSummary;
  seconds: number;
  /** Local worker threads (null when a queue ran the cells). */
  threads: number | null;
  /** Who ran the cells, for the summary line: "2 workers", or the queue. */
  ranOn: string;
}

interface Execution {
  execute: RunOptions["execute"];
  concurrency: number;
  loadData: boolean;
  threads: number | null;
  ranOn: string;
  destroy(): Promise<void>;
}

async function localExecution(options: GridRunOptions): Promise<Execution> {
  const threads = options.workers ?? defaultWorkerCount();
  const pool = createWorkerPool({ threads, backend: options.backend });
  return {
    execute: (job, onCell, stop, onStarted) => pool.execute(job, onCell, { stop, onStarted }),
    concurrency: pool.concurrency,
    loadData: true,
    threads,
    ranOn: `${threads} workers`,
    destroy: () => pool.destroy(),
  };
}

/**
 * Every group goes on the queue at once (or `--workers` at a time): the queue hands them to
 * whichever workers serve it, however many join or leave during the run.
 */
async function queueExecution(options: GridRunOptions, { redisUrl, prefix }: QueueOptions): Promise<Execution> {
  const executor = await createDistributedExecutor({ redisUrl, backend: options.backend, prefix });
  const serving = executor.workers.map((w) => `${w.host}:${w.pid} (${w.threads} threads)`);
  const note =
    serving.length > 0
      ? `queue ${executor.queue} on ${redisUrl}: served by ${serving.join(", ")}`
      : `queue ${executor.queue} on ${redisUrl}: no worker serves it yet; groups wait there until one starts (hemlock worker --backend ${options.backend} --redis-url ${redisUrl})`;
  if (options.json)
    console.log(JSON.stringify({ type: "queue", queue: executor.queue, redisUrl, workers: executor.workers }));
  else console.error(note);
  return {
    execute: (job, onCell, stop, onStarted) => executor.execute(job, onCell, stop, onStarted),
    concurrency: options.workers ?? Number.MAX_SAFE_INTEGER,
    loadData: false,
    threads: null,
    ranOn: `queue ${executor.queue} on ${redisUrl}`,
    destroy: () => executor.destroy(),
  };
}

export async function runGrid(plan: ExperimentPlan, options: GridRunOptions): Promise<GridRun> {
  const { store } = options;
  const execution = options.queue ? await queueExecution(options, options.queue) : await localExecution(options);
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts === 1) {
      controller.abort();
      console.error("\ninterrupted: finishing the running cells; press Ctrl-C again to stop now");
    } else {
      store.close();
      process.exit(130);
    }
  };
  process.on("SIGINT", onSigint);
  const started = Date.now();
  const reporter = progressReporter(
    options.json ? "json" : process.stdout.isTTY ? "tty" : "lines",
    options.queue ? "queued or running" : "running",
  );
  try {
    const summary = await runExperiment(plan, {
      store,
      dataDir: options.dataDir,
      ...(options.rerun ? { rerun: options.rerun } : {}),
      signal: controller.signal,
      execute: execution.execute,
      concurrency: execution.concurrency,
      loadData: execution.loadData,
      retries: options.retries ?? 0,
      failFast: options.failFast ?? false,
      sharedData: true,
      onEvent: (event) => reporter.onEvent(event),
    });
    return { summary, seconds: (Date.now() - started) / 1000, threads: execution.threads, ranOn: execution.ranOn };
  } finally {
    reporter.stop();
    process.off("SIGINT", onSigint);
    await execution.destroy();
  }
}
