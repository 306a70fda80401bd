/**
 * @hemlock/runner: experiment files, their cells and artifacts, and running them.
 */

export { canonicalJson, contentHash } from "@hemlock/core";
export {
  type ArtifactKind,
  type ArtifactNode,
  type ArtifactPlan,
  type PlannedCell,
  planArtifacts,
} from "./artifacts/artifact-plan.js";
export { artifactPath, isArtifactBuilt } from "./artifacts/artifacts-on-disk.js";
export { type CodeVersion, codeVersion } from "./artifacts/code-version.js";
export { type ExperimentPlan, planExperiment } from "./artifacts/plan-experiment.js";
export { type AxisChoice, expandGrid, matchesValue, type RawCell } from "./cells/expand-grid.js";
export { type CellConfig, type NamedConfig, resolveCells } from "./cells/resolve-cells.js";
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
export { AXES, type Axis, type ExperimentSpec, experimentSpecSchema } from "./experiment-file/experiment-spec.js";
export { experimentJsonSchema } from "./experiment-file/json-schema.js";
export { type ParsedExperiment, parseExperiment } from "./experiment-file/parse-experiment.js";
export {
  formatPath,
  parseSpecText,
  readSpecFile,
  type SpecPath,
  type SpecSource,
  specProblem,
} from "./experiment-file/spec-source.js";
