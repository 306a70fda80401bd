/**
 * Two methods compared setting by setting: each setting's paired mean difference (A − B over the
 * shared seeds) with its 95% t-interval, coloured by which one the Holm-corrected test favours.
 */
import type { TopLevelSpec } from "vega-lite";

export interface DifferencePoint {
  setting: string;
  difference: number;
  low: number;
  high: number;
  better: string;
}

export function differenceChart(points: readonly DifferencePoint[], title: string, unit: string): TopLevelSpec {
  const y = { field: "setting", type: "nominal", title: null, sort: null } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: "paired mean difference over shared seeds, 95% t-interval" },
    data: { values: points },
    width: 420,
    height: { step: 20 },
    layer: [
      { mark: { type: "rule", color: "#999", strokeDash: [3, 3] }, encoding: { x: { datum: 0 } } },
      {
        mark: { type: "rule", strokeWidth: 2 },
        encoding: {
          y,
          x: { field: "low", type: "quantitative", title: `A − B (${unit})` },
          x2: { field: "high" },
          color: { field: "better", type: "nominal", title: "Holm-corrected" },
        },
      },
      {
        mark: { type: "point", filled: true, size: 50 },
        encoding: {
          y,
          x: { field: "difference", type: "quantitative" },
          color: { field: "better", type: "nominal" },
          tooltip: [{ field: "setting" }, { field: "difference", format: ".2f" }, { field: "better" }],
        },
      },
    ],
  };
}
