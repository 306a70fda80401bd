/**
 * Leaderboard rows as CSV: one line per setting and metric with the mean, standard deviation, n
 * and 95% interval, and the setting's key so a row can be traced to its cells.
 */
import { stringify } from "csv-stringify/sync";
import type { LeaderboardRow } from "../queries/leaderboard.js";

const COLUMNS = [
  "dataset",
  "model",
  "attack",
  "rate",
  "defense",
  "metric",
  "mean",
  "sd",
  "n",
  { key: "ciLow", header: "ci_low" },
  { key: "ciHigh", header: "ci_high" },
  "setting",
];

export function csvTable(rows: readonly LeaderboardRow[]): string {
  return stringify(rows as LeaderboardRow[], { header: true, columns: COLUMNS });
}
