/**
 * Runs a planned experiment through the worker pool into the store, with progress on the
 * terminal and the two-stage Ctrl-C (the first lets running cells finish, the second exits at
 * once): what `hemlock run` and `hemlock repro` share.
 */
import { type BackendName, HemlockError } from "@hemlock/core";
import {
  createWorkerPool,
  defaultWorkerCount,
  type ExperimentPlan,
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
}

export interface GridRun {
  summary: RunSummary;
  seconds: number;
  threads: number;
}

export async function runGrid(plan: ExperimentPlan, options: GridRunOptions): Promise<GridRun> {
  const { store } = options;
  const threads = options.workers ?? defaultWorkerCount();
  const pool = createWorkerPool({ threads, backend: options.backend });
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
  const reporter = progressReporter(options.json ? "json" : process.stdout.isTTY ? "tty" : "lines");
  try {
    const summary = await runExperiment(plan, {
      store,
      dataDir: options.dataDir,
      ...(options.rerun ? { rerun: options.rerun } : {}),
      signal: controller.signal,
      execute: (job, onCell) => pool.execute(job, onCell),
      concurrency: threads,
      retries: options.retries ?? 0,
      failFast: Boolean(options.failFast),
      sharedData: true,
      onEvent: (event) => reporter.onEvent(event),
    });
    return { summary, seconds: (Date.now() - started) / 1000, threads };
  } finally {
    reporter.stop();
    process.off("SIGINT", onSigint);
    await pool.destroy();
  }
}

/** A whole-number option, or a clear error naming it. */
export function wholeNumber(value: unknown, option: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new HemlockError(
      "INVALID_ARGUMENT",
      `${option}: expected a whole number >= ${min}, got ${JSON.stringify(value)}`,
    );
  return n;
}
