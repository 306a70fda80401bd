/**
 * ASR and clean accuracy against the poisoning rate: a panel per metric (columns) and per dataset,
 * model and attack (rows), a line per defense with its 95% interval over seeds as a band. The
 * clean-training cells (attack "none", rate 0) give every attack's clean-accuracy line its rate-0
 * point.
 */
import { METRIC_LABELS } from "@hemlock/core/metric-names";
import type { TopLevelSpec } from "vega-lite";
import type { LeaderboardRow } from "../queries/leaderboard.js";
import { chartPercent } from "./chart-percent.js";

export const RATE_CHART_METRICS = ["attackSuccessRate", "cleanAccuracy"];

export interface RatePoint {
  panel: string;
  metric: string;
  defense: string;
  rate: number;
  mean: number;
  low: number;
  high: number;
  n: number;
}

export function ratePoints(rows: readonly LeaderboardRow[]): RatePoint[] {
  const attacked = rows.filter((r) => r.attack !== "none");
  const panels = new Set(attacked.map((r) => `${r.dataset}\u0000${r.model}\u0000${r.attack}`));
  const point = (r: LeaderboardRow, attack: string): RatePoint => ({
    panel: `${r.dataset} · ${r.model} · ${attack}`,
    metric: METRIC_LABELS[r.metric] ?? r.metric,
    defense: r.defense,
    rate: r.rate,
    mean: chartPercent(r.mean),
    low: chartPercent(r.ciLow),
    high: chartPercent(r.ciHigh),
    n: r.n,
  });
  const baselines = rows
    .filter((r) => r.attack === "none" && r.metric === "cleanAccuracy")
    .flatMap((r) =>
      [...panels]
        .map((p) => p.split("\u0000") as [string, string, string])
        .filter(([dataset, model]) => dataset === r.dataset && model === r.model)
        .map(([, , attack]) => point(r, attack)),
    );
  return [
    ...baselines,
    ...attacked.filter((r) => RATE_CHART_METRICS.includes(r.metric)).map((r) => point(r, r.attack)),
  ];
}

export function rateChart(points: RatePoint[], title: string): TopLevelSpec {
  const x = { field: "rate", type: "quantitative", title: "poisoning rate" } as const;
  const color = { field: "defense", type: "nominal", title: "defense" } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    data: { values: points },
    facet: {
      row: { field: "panel", type: "nominal", title: null },
      column: { field: "metric", type: "nominal", title: null },
    },
    spec: {
      width: 280,
      height: 190,
      layer: [
        {
          // fillOpacity, not opacity, and no legend: null here: layers share the colour scale's
          // legend, and either would leave the chart without one (or with faded symbols).
          mark: { type: "area", fillOpacity: 0.15, clip: true },
          encoding: {
            x,
            y: { field: "low", type: "quantitative" },
            y2: { field: "high" },
            color,
          },
        },
        {
          mark: { type: "line", point: true },
          encoding: {
            x,
            y: { field: "mean", type: "quantitative", title: "% (mean, 95% CI band)", scale: { domain: [0, 100] } },
            color,
          },
        },
      ],
    },
    config: { font: "DejaVu Sans", legend: { labelLimit: 320 } },
  };
}
