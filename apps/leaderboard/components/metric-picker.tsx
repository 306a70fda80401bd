"use client";
import { METRIC_GROUPS } from "@hemlock/core/metric-names";
/**
 * The metric a board ranks by: a menu of the metrics this board's data records, under their
 * families, by title; choosing one opens that metric's page with the same filters.
 */
import type { MetricInfo } from "@hemlock/store";
import { paths } from "../lib/site-paths";

export function MetricPicker({
  metrics,
  current,
  to = (m) => paths.leaderboard(m),
}: {
  metrics: MetricInfo[];
  current: string;
  to?: (metric: string) => string;
}) {
  return (
    <label>
      metric
      <select
        name="metric"
        value={current}
        onChange={(e) => {
          window.location.href = `${to(e.target.value)}${window.location.search}`;
        }}
      >
        {METRIC_GROUPS.filter((g) => metrics.some((m) => m.group === g)).map((g) => (
          <optgroup key={g} label={g}>
            {metrics
              .filter((m) => m.group === g)
              .map((m) => (
                <option key={m.name} value={m.name}>
                  {m.title}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
