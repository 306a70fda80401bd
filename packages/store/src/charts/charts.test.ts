import { compile } from "vega-lite";
import { describe, expect, it } from "vitest";
import type { LeaderboardRow } from "../queries/leaderboard.js";
import { paretoChart, paretoPoints } from "./pareto-chart.js";
import { rateChart, ratePoints } from "./rate-chart.js";

const row = (defense: string, rate: number, metric: string, mean: number): LeaderboardRow => ({
  dataset: "digits",
  model: "mlp",
  attack: "badnets",
  rate,
  defense,
  metric,
  mean,
  sd: 0.01,
  n: 3,
  ciLow: mean - 0.02,
  ciHigh: mean + 0.02,
  setting: `${defense}/${rate}`,
  comparison: `${rate}`,
});

const rows = ["none", "strip"].flatMap((d, i) =>
  [0.05, 0.1].flatMap((r) => [
    row(d, r, "attackSuccessRate", 0.9 - i / 3),
    row(d, r, "cleanAccuracy", 0.951234 - i / 100),
  ]),
);

describe("the charts' Vega-Lite specs", () => {
  it("give the rate chart a legend of the defenses, drawn at full strength under its faint CI bands", () => {
    const legends = compile(rateChart(ratePoints(rows), "t")).spec.legends ?? [];
    expect(legends.map((l) => l.title)).toEqual(["defense"]);
    expect(legends[0]?.encode?.symbols?.update?.opacity).toEqual({ value: 1 });
  });

  it("plot proportions in percent to 0.01 points, and mark each setting's Pareto front", () => {
    const points = paretoPoints(rows);
    expect(
      points.filter((p) => p.panel.endsWith("rate 0.1")).map((p) => [p.defense, p.accuracy, p.asr, p.front]),
    ).toEqual([
      ["strip", 94.12, 56.67, true],
      ["none", 95.12, 90, true],
    ]);
    const legends = compile(paretoChart(points, "t")).spec.legends ?? [];
    expect(legends.map((l) => l.title)).toContain("defense");
  });
});
