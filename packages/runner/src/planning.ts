/**
 * @hemlock/runner/planning: from an experiment file to its plan, loading no executor (no worker
 * pool, queue or Redis client): parsing and its JSON Schema, the grid's cells, their
 * identities and artifact chains, and what is already built. What `hemlock plan` and
 * `hemlock schema` use.
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
