/**
 * The local executor: a Piscina pool of worker threads (by default one per core), each with its
 * own tfjs backend, running groups of cells. Datasets travel in SharedArrayBuffers, so workers
 * read them without copies. A worker that crashes, or is killed for memory, fails only the cells
 * it had not reported: they are returned as failed with the reason, and the pool goes on.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";
import type { BackendChoice } from "@hemlock/core";
import { Piscina } from "piscina";
import { GROUP_DONE } from "./pool-worker.js";
import type { CellOutcome, GroupJob } from "./run-poison-group.js";

export interface WorkerPool {
  threads: number;
  execute(job: GroupJob, onCell: (outcome: CellOutcome) => void): Promise<void>;
  destroy(): Promise<void>;
}

/** The built worker module (tests run from src/, workers always load dist/). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const built = here.endsWith(".ts")
    ? here.replace(/\/src\/execute\/[^/]+\.ts$/, "/dist/execute/pool-worker.js")
    : here.replace(/worker-pool\.js$/, "pool-worker.js");
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
  return {
    threads,
    async execute(job, onCell) {
      const { port1, port2 } = new MessageChannel();
      const reported = new Set<string>();
      const done = new Promise<void>((resolve) =>
        port1.on("message", (message: CellOutcome | typeof GROUP_DONE) => {
          if (message === GROUP_DONE) return resolve();
          reported.add(message.identity);
          onCell(message);
        }),
      );
      const startedAt = Date.now();
      try {
        await pool.run({ job, backend: options.backend, port: port2 }, { transferList: [port2] });
        await done;
      } catch (error) {
        // The worker died (or the task threw outside any cell): let what it posted arrive, then
        // fail the cells it never reported.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const e = error instanceof Error ? error : new Error(String(error));
        for (const cell of job.cells)
          if (!reported.has(cell.identity))
            onCell({
              identity: cell.identity,
              status: "failed",
              error: `worker failed: ${e.message}`,
              ...(e.stack ? { stack: e.stack } : {}),
              startedAt,
              finishedAt: Date.now(),
              provenance: { worker: "crashed" },
              trainings: 0,
              artifacts: [],
            });
      } finally {
        port1.close();
      }
    },
    destroy: () => pool.destroy(),
  };
}
