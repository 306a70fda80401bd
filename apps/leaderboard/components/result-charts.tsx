/**
 * The two charts of a defense's or an attack's page, from the shared Vega-Lite specs: ASR and
 * clean accuracy against the poisoning rate (a panel per dataset, model and attack, 95% CI bands),
 * and ASR against clean accuracy with each setting's Pareto front (on a defense's page, the front
 * and the defense, wherever it lies). The specs are built on the
 * server, so the page carries the charts' points, not the rows they come from.
 */
import {
  type LeaderboardRow,
  labelMatches,
  paretoChart,
  paretoPoints,
  rateChart,
  ratePoints,
} from "@hemlock/store/portable";
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
  // On a defense's page, each setting's front and the defense itself: the other defenses' dominated
  // points say nothing about it, and over 20 defenses they are most of the page's weight.
  const paretoPointList = paretoPoints(neighbours).filter(
    (p) => !highlight || p.front || labelMatches(p.defense, highlight),
  );
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
