/**
 * `@hemlock/core/metric-names`: what a metric is (its direction, title, family, whether it is a
 * share), with no other import, so browser code (the leaderboard's client components) can use it.
 */
export { isProportion, METRIC_LABELS, type MetricDirection, metricDirection } from "./metric-direction.js";
export { METRIC_GROUPS, type MetricGroup, metricGroup, metricName } from "./metric-groups.js";
