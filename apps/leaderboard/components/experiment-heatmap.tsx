"use client";
/**
 * An experiment's grid as heatmaps (rate × defense per dataset, model and attack), coloured by the
 * metric chosen in the URL (?metric=), from the experiment's aggregated rows.
 */
import type { MetricInfo } from "@hemlock/store";
import { gridHeatmapChart, type HeatmapRow } from "@hemlock/store/portable";
import { useMemo } from "react";
import { type PackedRecords, unpackRecords } from "../lib/packed-records";
import { useUrlState } from "../lib/url-state";
import { VegaChart } from "./vega-chart";

export function ExperimentHeatmap({
  rows: packed,
  metrics,
  initial,
}: {
  rows: PackedRecords;
  metrics: MetricInfo[];
  initial: string;
}) {
  const [state, update] = useUrlState();
  const rows = useMemo(() => unpackRecords<HeatmapRow>(packed), [packed]);
  const metric = metrics.find((m) => m.name === state.metric) ?? metrics.find((m) => m.name === initial);
  const spec = useMemo(() => (metric ? gridHeatmapChart(rows, metric) : undefined), [rows, metric]);
  if (!metric || !spec) return <p>No finished cells record a metric yet.</p>;
  return (
    <>
      <div className="controls">
        <label>
          colour by
          <select name="metric" value={metric.name} onChange={(e) => update({ metric: e.target.value })}>
            {metrics.map((m) => (
              <option key={m.name} value={m.name}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        {state.metric && !metrics.some((m) => m.name === state.metric) && (
          <p className="fail" role="alert">
            This experiment records no metric "{state.metric}"; showing {metric.title}.
          </p>
        )}
      </div>
      <VegaChart spec={spec} label={`grid heatmap: ${metric.title}`} />
    </>
  );
}
