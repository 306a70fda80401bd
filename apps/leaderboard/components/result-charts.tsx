"use client";
/**
 * The two charts of a defense's or an attack's page, from the shared Vega-Lite specs: ASR and
 * clean accuracy against the poisoning rate (a panel per dataset, model and attack, 95% CI bands),
 * and ASR against clean accuracy with each setting's Pareto front.
 */
import { type LeaderboardRow, paretoChart, paretoPoints, rateChart, ratePoints } from "@hemlock/store/portable";
import { useMemo } from "react";
import { VegaChart } from "./vega-chart";

export function ResultCharts({
  rows,
  neighbours,
  title,
  highlight,
}: {
  rows: LeaderboardRow[];
  neighbours: LeaderboardRow[];
  title: string;
  highlight?: string;
}) {
  const rate = useMemo(() => {
    const points = ratePoints(rows);
    return points.length > 0 ? rateChart(points, title) : undefined;
  }, [rows, title]);
  const pareto = useMemo(() => {
    const points = paretoPoints(neighbours);
    return points.length > 0 ? paretoChart(points, title, highlight ? { highlight } : {}) : undefined;
  }, [neighbours, title, highlight]);
  return (
    <>
      <h2>Against the poisoning rate</h2>
      {rate ? <VegaChart spec={rate} label="ASR and clean accuracy against rate" /> : <p>No attacked settings yet.</p>}
      <h2>Attack success against clean accuracy</h2>
      {pareto ? (
        <VegaChart spec={pareto} label="Pareto front" />
      ) : (
        <p>No setting records both attack success and clean accuracy.</p>
      )}
    </>
  );
}
