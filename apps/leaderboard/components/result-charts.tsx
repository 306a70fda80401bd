/**
 * The two charts of a defense's or an attack's page, from the shared Vega-Lite specs: ASR and
 * clean accuracy against the poisoning rate (a panel per dataset, model and attack, 95% CI bands),
 * and ASR against clean accuracy with each setting's Pareto front. The specs are built on the
 * server, so the page carries the charts' points, not the rows they come from.
 */
import { type LeaderboardRow, paretoChart, paretoPoints, rateChart, ratePoints } from "@hemlock/store/portable";
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
  const ratePointList = ratePoints(rows);
  const rate = ratePointList.length > 0 ? rateChart(ratePointList, title) : undefined;
  const paretoPointList = paretoPoints(neighbours);
  const pareto =
    paretoPointList.length > 0 ? paretoChart(paretoPointList, title, highlight ? { highlight } : {}) : undefined;
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
