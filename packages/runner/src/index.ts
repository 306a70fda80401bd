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
} from "./cells/artifact-plan.js";
export { artifactPath, isArtifactBuilt } from "./cells/artifacts-on-disk.js";
export { type CellConfig, type NamedConfig, resolveCells } from "./cells/resolve-cells.js";
export {
  createDistributedExecutor,
  type DistributedExecutor,
  type DistributedExecutorOptions,
} from "./distributed/distributed-executor.js";
export {
  type DistributedWorker,
  type DistributedWorkerOptions,
  startDistributedWorker,
  type WorkerEvent,
} from "./distributed/distributed-worker.js";
export { DEFAULT_PREFIX as QUEUE_PREFIX, queueName, type WorkerAnnouncement } from "./distributed/queue-keys.js";
export { inspectRedis } from "./distributed/redis-connection.js";
export { type CellOutcome, type GroupCell, type GroupJob, runPoisonGroup } from "./execute/run-poison-group.js";
export { createWorkerPool, defaultWorkerCount, type WorkerPool } from "./execute/worker-pool.js";
export { type CodeVersion, codeVersion } from "./provenance/code-version.js";
export { type ExperimentPlan, planExperiment } from "./run/plan-experiment.js";
export {
  type RunEvent,
  type RunOptions,
  type RunSummary,
  runExperiment,
  STALE_AFTER_MS,
} from "./run/run-experiment.js";
export { type AxisChoice, expandGrid, matchesValue, type RawCell } from "./spec/expand-grid.js";
export { AXES, type Axis, type ExperimentSpec, experimentSpecSchema } from "./spec/experiment-spec.js";
export { experimentJsonSchema } from "./spec/json-schema.js";
export { type ParsedExperiment, parseExperiment } from "./spec/parse-experiment.js";
export {
  formatPath,
  parseSpecText,
  readSpecFile,
  type SpecPath,
  type SpecSource,
  specProblem,
} from "./spec/spec-source.js";
