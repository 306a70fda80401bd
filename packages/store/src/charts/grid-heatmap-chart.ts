/**
 * An experiment's grid at a glance: per dataset, model and attack a panel of poisoning rate
 * (columns) against defense (rows), each square coloured by the metric's mean over seeds and
 * labelled with it; the colour runs from worse to better in the metric's own direction.
 */
import type { TopLevelSpec } from "vega-lite";
import { formatValue } from "../format/metric-values.js";
import type { LeaderboardRow } from "../queries/leaderboard.js";

/** What a heatmap square needs of a leaderboard row. */
export type HeatmapRow = Pick<
  LeaderboardRow,
  "dataset" | "model" | "attack" | "rate" | "defense" | "metric" | "mean" | "n"
>;

export function gridHeatmapChart(
  rows: readonly HeatmapRow[],
  metric: { name: string; title: string; direction: "higher" | "lower" | "none"; proportion: boolean },
): TopLevelSpec {
  const values = rows
    .filter((r) => r.metric === metric.name)
    .map((r) => ({
      panel: `${r.dataset} · ${r.model} · ${r.attack}`,
      defense: r.defense,
      rate: String(r.rate),
      value: metric.proportion ? 100 * r.mean : r.mean,
      label: formatValue(metric.name, r.mean),
      n: r.n,
    }));
  // Better is dark: reverse the scheme for metrics where lower is better.
  const scale =
    metric.direction === "none"
      ? ({ scheme: "greys" } as const)
      : ({ scheme: "viridis", reverse: metric.direction === "higher" } as const);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: metric.title, subtitle: "mean over seeds; darker is better" },
    data: { values },
    facet: { field: "panel", type: "nominal", title: null },
    columns: 2,
    spec: {
      width: { step: 56 },
      height: { step: 22 },
      layer: [
        {
          mark: { type: "rect" },
          encoding: {
            x: { field: "rate", type: "ordinal", title: "poisoning rate" },
            y: { field: "defense", type: "nominal", title: null },
            color: {
              field: "value",
              type: "quantitative",
              title: metric.title,
              scale,
            },
            tooltip: [
              { field: "defense" },
              { field: "rate" },
              { field: "label", title: metric.title },
              { field: "n", title: "seeds" },
            ],
          },
        },
        {
          mark: { type: "text", fontSize: 10 },
          encoding: {
            x: { field: "rate", type: "ordinal" },
            y: { field: "defense", type: "nominal" },
            text: { field: "label" },
            color: { value: "#888" },
          },
        },
      ],
    },
  };
}
