/**
 * How metric values print: shares in [0, 1] as percentages with one decimal (or as asked), whole
 * numbers whole, other values with four significant digits; a mean with the half-width of its interval; p-values compactly.
 */
import { isProportion, METRIC_LABELS } from "@hemlock/core/metric-names";

export function formatValue(metric: string, value: number, decimals = 1): string {
  if (isProportion(metric)) return (100 * value).toFixed(decimals);
  return Number.isInteger(value) ? value.toString() : Number(value.toPrecision(4)).toString();
}

export function formatMeanCi(metric: string, mean: number, ciHigh: number, pm = "±"): string {
  return `${formatValue(metric, mean)} ${pm} ${formatValue(metric, ciHigh - mean)}`;
}

export function metricTitle(metric: string): string {
  return `${METRIC_LABELS[metric] ?? metric}${isProportion(metric) ? " (%)" : ""}`;
}

export function formatP(p: number): string {
  return p < 0.001 ? "<0.001" : p.toFixed(3);
}

/** A mean with its interval's bounds, for intervals that need not be symmetric (bootstrap). */
export function formatMeanInterval(metric: string, mean: number, low: number, high: number): string {
  return `${formatValue(metric, mean)} [${formatValue(metric, low)}, ${formatValue(metric, high)}]`;
}
