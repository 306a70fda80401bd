/**
 * The local executor: a Piscina pool of worker threads (by default one per core), each with its
 * own tfjs backend, running groups of cells. Datasets travel in SharedArrayBuffers, so workers
 * read them without copies. When a worker crashes, or is killed for memory, the cells of its group
 * it had not reported are run again one at a time, so only a cell that kills a worker on its own
 * fails (with the reason); the pool replaces dead workers and goes on. Groups handed over while
 * every worker is busy wait in Piscina's queue, so the scheduler can keep one ready behind each
 * running group: a worker then starts its next group at once instead of waiting for the main
 * thread to record the last one and claim the next (per cell on tiny cells, see
 * docs/performance.md). A waiting group is not started once the run stops taking new work.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";
import type { BackendChoice } from "@hemlock/core";
import { Piscina } from "piscina";
import { GROUP_DONE, GROUP_STARTED } from "../../worker/pool-worker.js";
import type { CellOutcome, GroupJob } from "../../worker/run-poison-group.js";

export interface WorkerPool {
  threads: number;
  /** Groups the scheduler should hand over at once: one running and one waiting per thread. */
  concurrency: number;
  execute(
    job: GroupJob,
    onCell: (outcome: CellOutcome) => void,
    options?: { stop?: AbortSignal; onStarted?: () => void },
  ): Promise<void>;
  destroy(): Promise<void>;
}

/** The built worker module (tests run from src/, workers always load dist/). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const built = here.replace(
    /\/(src|dist)\/execute\/executors\/local\/worker-pool\.[jt]s$/,
    "/dist/execute/worker/pool-worker.js",
  );
  if (!existsSync(built)) throw new Error(`the runner's worker module ${built} is missing; build @hemlock/runner`);
  return built;
}

export function defaultWorkerCount(): number {
  return availableParallelism();
}

export function createWorkerPool(options: {
  threads?: number;
  backend: BackendChoice;
  /** Another worker module with pool-worker's contract (benchmarks time the pool with a no-op one). */
  workerFile?: string;
  maxOldGenerationSizeMb?: number;
}): WorkerPool {
  const threads = options.threads ?? defaultWorkerCount();
  const pool = new Piscina({
    filename: options.workerFile ?? workerFile(),
    minThreads: threads,
    maxThreads: threads,
    // One group per worker at a time: groups are CPU-bound.
    concurrentTasksPerWorker: 1,
    ...(options.maxOldGenerationSizeMb
      ? { resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } }
      : {}),
  });
  /**
   * Runs one group on a worker; resolves with the error if the worker died, else undefined. The
   * group's last outcome is the task's result (see pool-worker.ts); it is reported after the
   * others.
   */
  const runTask = async (
    job: GroupJob,
    report: (outcome: CellOutcome) => void,
    stop: Int32Array,
    started: () => void,
  ): Promise<Error | undefined> => {
    const { port1, port2 } = new MessageChannel();
    const done = new Promise<void>((resolve) =>
      port1.on("message", (message: CellOutcome | typeof GROUP_DONE | typeof GROUP_STARTED) => {
        if (message === GROUP_DONE) return resolve();
        started();
        if (message !== GROUP_STARTED) report(message);
      }),
    );
    try {
      const last = (await pool.run({ job, backend: options.backend, port: port2, stop }, { transferList: [port2] })) as
        | CellOutcome
        | undefined;
      await done;
      if (last !== undefined) {
        started();
        report(last);
      }
      return undefined;
    } catch (error) {
      // Let what the worker posted before it died arrive.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return error instanceof Error ? error : new Error(String(error));
    } finally {
      port1.close();
    }
  };
  return {
    threads,
    concurrency: threads * 2,
    async execute(job, onCell, { stop, onStarted } = {}) {
      // Shared with the worker that takes the group: set when the run stops taking new work.
      const stopFlag = new Int32Array(new SharedArrayBuffer(4));
      const onStop = () => Atomics.store(stopFlag, 0, 1);
      if (stop?.aborted) onStop();
      stop?.addEventListener("abort", onStop, { once: true });
      let startedOnce = false;
      const started = () => {
        if (startedOnce) return;
        startedOnce = true;
        onStarted?.();
      };
      try {
        await runGroup(job, onCell, stopFlag, started);
      } finally {
        stop?.removeEventListener("abort", onStop);
      }
    },
    destroy: () => pool.destroy(),
  };

  /** Runs a group; if its worker dies, the cells it had not reported run again one at a time. */
  async function runGroup(
    job: GroupJob,
    onCell: (outcome: CellOutcome) => void,
    stopFlag: Int32Array,
    started: () => void,
  ): Promise<void> {
    const reported = new Set<string>();
    const report = (outcome: CellOutcome) => {
      reported.add(outcome.identity);
      onCell(outcome);
    };
    const startedAt = Date.now();
    const crash = await runTask(job, report, stopFlag, started);
    if (crash === undefined) return;
    const unreported = job.cells.filter((c) => !reported.has(c.identity));
    // A dead worker takes its whole group down; rerun the cells it had not reported one by one
    // (on fresh workers), so only the cell that kills a worker fails.
    for (const cell of unreported) {
      const alone = unreported.length > 1 ? await runTask({ ...job, cells: [cell] }, report, stopFlag, started) : crash;
      if (alone !== undefined && !reported.has(cell.identity))
        report({
          identity: cell.identity,
          status: "failed",
          error: `worker failed: ${alone.message}`,
          ...(alone.stack ? { stack: alone.stack } : {}),
          startedAt,
          finishedAt: Date.now(),
          provenance: { worker: "crashed" },
          trainings: 0,
          artifacts: [],
        });
    }
  }
}
