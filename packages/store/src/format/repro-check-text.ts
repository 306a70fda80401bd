/**
 * Reproduction checks in words: the cells a check reads, its tolerance and its measurement, in
 * the metric's units (shares as percentages with two decimals, tolerances in percentage points),
 * for the terminal table, docs/reproductions.md and the leaderboard app.
 */
import { isProportion } from "@hemlock/core/metric-names";
import type { CheckResult, Selector } from "../reports/repro-checks.js";
import { formatValue } from "./metric-values.js";

export function describeSelector(where: Selector): string {
  const parts = (["dataset", "model", "attack", "rate", "defense"] as const)
    .filter((k) => where[k] !== undefined)
    .map((k) => `${k} ${String(where[k])}`);
  return parts.join(", ") || "all cells";
}

export function describeCells(r: CheckResult): string {
  const where = r.setting
    ? `${r.setting.dataset} · ${r.setting.model} · ${r.setting.attack} · rate ${r.setting.rate} · ${r.setting.defense}`
    : describeSelector(r.expectation.where);
  return r.expectation.relativeTo ? `${where} − (${describeSelector(r.expectation.relativeTo)})` : where;
}

export function formatTolerance(metric: string, tolerance: number | [number, number]): string {
  const unit = isProportion(metric) ? " pp" : "";
  if (Array.isArray(tolerance))
    return `in [${formatValue(metric, tolerance[0])}, ${formatValue(metric, tolerance[1])}]${isProportion(metric) ? " %" : ""}`;
  return `± ${formatValue(metric, tolerance)}${unit}`;
}

export function formatMeasured(r: CheckResult): string {
  const metric = r.expectation.metric;
  if (r.measured === undefined) return r.problem ?? "not measured";
  // One seed has no interval (its bounds collapse onto the mean).
  const ci =
    r.ciLow !== undefined && r.ciHigh !== undefined && Number.isFinite(r.ciLow) && r.ciLow < (r.ciHigh as number)
      ? ` [${formatValue(metric, r.ciLow, 2)}, ${formatValue(metric, r.ciHigh, 2)}]`
      : "";
  return `${formatValue(metric, r.measured, 2)}${ci}`;
}

export function formatPublished(metric: string, value: number): string {
  return `${formatValue(metric, value)}${isProportion(metric) ? " %" : ""}`;
}
