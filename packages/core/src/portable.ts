/**
 * `@hemlock/core/portable`: the parts of core that load no compute backend (errors, canonical
 * JSON, seeded randomness, metric names and directions), for the store and the leaderboard app,
 * which read results and must not pull TensorFlow.js in with them.
 */
export { checkPoisoningRate, isPoisoningRate, POISONING_RATE } from "./attacks/poisoning-rate.js";
export { HemlockError, type HemlockErrorCode, isHemlockError } from "./errors.js";
export { canonicalJson, contentHash } from "./hashing/canonical-json.js";
export { isProportion, METRIC_LABELS, type MetricDirection, metricDirection } from "./metrics/metric-direction.js";
export { deriveSeed, SeededRandom } from "./random/seeded-random.js";
