/**
 * ASR against clean accuracy: a panel per dataset, model, attack and rate, a point per defense
 * (mean over seeds, with its 95% intervals as whiskers), and the Pareto front (no other defense
 * has both higher clean accuracy and lower ASR) joined by a line, its points filled.
 */

import type { TopLevelSpec } from "vega-lite";
import type { LeaderboardRow } from "../queries/leaderboard.js";
import { chartPercent } from "./chart-percent.js";

export interface ParetoPoint {
  panel: string;
  defense: string;
  accuracy: number;
  accuracyLow: number;
  accuracyHigh: number;
  asr: number;
  asrLow: number;
  asrHigh: number;
  front: boolean;
}

export function paretoPoints(rows: readonly LeaderboardRow[]): ParetoPoint[] {
  const bySetting = new Map<string, { accuracy?: LeaderboardRow; asr?: LeaderboardRow }>();
  for (const r of rows) {
    const entry = bySetting.get(r.setting) ?? {};
    if (r.metric === "cleanAccuracy") entry.accuracy = r;
    if (r.metric === "attackSuccessRate") entry.asr = r;
    bySetting.set(r.setting, entry);
  }
  const points = [...bySetting.values()].flatMap(({ accuracy, asr }) =>
    accuracy && asr
      ? [
          {
            panel: `${asr.dataset} · ${asr.model} · ${asr.attack} · rate ${asr.rate}`,
            defense: asr.defense,
            accuracy: chartPercent(accuracy.mean),
            accuracyLow: chartPercent(accuracy.ciLow),
            accuracyHigh: chartPercent(accuracy.ciHigh),
            asr: chartPercent(asr.mean),
            asrLow: chartPercent(asr.ciLow),
            asrHigh: chartPercent(asr.ciHigh),
            front: false,
          },
        ]
      : [],
  );
  for (const p of points)
    p.front = !points.some(
      (q) =>
        q.panel === p.panel &&
        q !== p &&
        q.accuracy >= p.accuracy &&
        q.asr <= p.asr &&
        (q.accuracy > p.accuracy || q.asr < p.asr),
    );
  return points.sort((a, b) => a.panel.localeCompare(b.panel) || a.accuracy - b.accuracy);
}

/** `highlight`: one defense drawn at full strength and the others faded (a defense's own page). */
export function paretoChart(points: ParetoPoint[], title: string, options: { highlight?: string } = {}): TopLevelSpec {
  const faded = options.highlight
    ? {
        opacity: {
          // The defense's label, or any variant of it ("spectral-signatures epsilon=0.05").
          condition: {
            test: `datum.defense === ${JSON.stringify(options.highlight)} || indexof(datum.defense, ${JSON.stringify(`${options.highlight} `)}) === 0`,
            value: 1,
          },
          value: 0.3,
        },
      }
    : {};
  // Intervals from few seeds can pass 0 or 100; the axes stop there and the whiskers are clipped.
  const x = {
    field: "accuracy",
    type: "quantitative",
    title: "clean accuracy (%)",
    scale: { zero: false, domainMax: 100 },
  } as const;
  const y = {
    field: "asr",
    type: "quantitative",
    title: "attack success rate (%)",
    scale: { domainMin: 0, domainMax: 100 },
  } as const;
  const color = { field: "defense", type: "nominal", title: "defense" } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: "mean over seeds with 95% CI whiskers; filled and joined: the Pareto front" },
    data: { values: points },
    facet: { field: "panel", type: "nominal", title: null },
    columns: 3,
    spec: {
      width: 240,
      height: 200,
      layer: [
        {
          transform: [{ filter: "datum.front" }],
          mark: { type: "line", color: "#888", strokeDash: [4, 3] },
          encoding: { x, y, order: { field: "accuracy" } },
        },
        {
          mark: { type: "rule", opacity: 0.6, clip: true },
          encoding: { x: { ...x, field: "accuracyLow" }, x2: { field: "accuracyHigh" }, y, color },
        },
        {
          mark: { type: "rule", opacity: 0.6, clip: true },
          encoding: { x, y: { ...y, field: "asrLow" }, y2: { field: "asrHigh" }, color },
        },
        {
          mark: { type: "point", size: 70, strokeWidth: 2 },
          encoding: {
            x,
            y,
            color,
            ...faded,
            fill: { condition: { test: "datum.front", field: "defense", type: "nominal" }, value: "white" },
            shape: { field: "front", type: "nominal", title: "Pareto front", legend: null },
          },
        },
      ],
    },
    config: { font: "DejaVu Sans", legend: { labelLimit: 320 } },
  };
}
