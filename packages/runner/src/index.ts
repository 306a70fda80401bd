/**
 * @hemlock/runner: experiment files, their cells and artifacts (all of @hemlock/runner/planning),
 * and running them: the scheduler, the local worker pool, the distributed executor on BullMQ, and
 * the recording of results.
 */

export {
  createDistributedExecutor,
  type DistributedExecutor,
  type DistributedExecutorOptions,
} from "./execute/executors/bullmq/distributed-executor.js";
export {
  type DistributedWorker,
  type DistributedWorkerOptions,
  startDistributedWorker,
  type WorkerEvent,
} from "./execute/executors/bullmq/distributed-worker.js";
export {
  DEFAULT_PREFIX as QUEUE_PREFIX,
  queueName,
  type WorkerAnnouncement,
} from "./execute/executors/bullmq/queue-keys.js";
export { inspectRedis } from "./execute/executors/bullmq/redis-connection.js";
export { createWorkerPool, defaultWorkerCount, type WorkerPool } from "./execute/executors/local/worker-pool.js";
export {
  type RunEvent,
  type RunOptions,
  type RunSummary,
  runExperiment,
  STALE_AFTER_MS,
} from "./execute/scheduler/run-experiment.js";
export { type CellOutcome, type GroupCell, type GroupJob, runPoisonGroup } from "./execute/worker/run-poison-group.js";
export * from "./planning.js";
