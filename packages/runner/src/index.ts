/**
 * @hemlock/runner: experiment files, their cells and artifacts, and running them.
 */
export { canonicalJson, contentHash } from "./cells/canonical-json.js";
export { type CellConfig, type NamedConfig, resolveCells } from "./cells/resolve-cells.js";
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
