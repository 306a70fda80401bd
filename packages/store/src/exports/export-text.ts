/**
 * One function for every export format, so `hemlock export` and the leaderboard app's download
 * buttons write the same bytes for the same rows: CSV and JSON carry every aggregated row; LaTeX
 * (booktabs) and Markdown lay the chosen metrics out as publication tables with the best in bold.
 */
import type { LeaderboardRow } from "../queries/leaderboard.js";
import { csvTable } from "./csv-table.js";
import { latexTables } from "./latex-table.js";
import { markdownTables } from "./markdown-table.js";
import { resultTables } from "./result-tables.js";

export const EXPORT_FORMATS = ["csv", "json", "latex", "markdown"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The metrics a publication table shows when none are named. */
export const TABLE_METRICS = ["cleanAccuracy", "attackSuccessRate"];

export function exportText(rows: readonly LeaderboardRow[], format: ExportFormat, metrics: readonly string[]): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(rows, null, 2)}\n`;
    case "csv":
      return csvTable(rows);
    case "latex":
      return latexTables(resultTables(rows, metrics));
    case "markdown":
      return markdownTables(resultTables(rows, metrics));
  }
}
