/**
 * `@hemlock/store/portable`: the store's pure functions, with no database and nothing Node-only,
 * for code that runs in a browser (the leaderboard app's client components) as well as the CLI:
 * metric formatting, the export formats, the chart specs and the across-settings Friedman test.
 */
export { type DifferencePoint, differenceChart } from "./charts/difference-chart.js";
export { gridHeatmapChart, type HeatmapRow } from "./charts/grid-heatmap-chart.js";
export { type ParetoPoint, paretoChart, paretoPoints } from "./charts/pareto-chart.js";
export { RATE_CHART_METRICS, type RatePoint, rateChart, ratePoints } from "./charts/rate-chart.js";
export { type CurvePoint, trainingCurveChart } from "./charts/training-curve-chart.js";
export { csvTable } from "./exports/csv-table.js";
export { EXPORT_FORMATS, type ExportFormat, exportText, TABLE_METRICS } from "./exports/export-text.js";
export { latexEscape, latexTables } from "./exports/latex-table.js";
export { markdownTables } from "./exports/markdown-table.js";
export { disambiguate, type ResultCell, type ResultTable, resultTables, seedCount } from "./exports/result-tables.js";
export { labelMatches } from "./format/label-match.js";
export { formatMeanCi, formatMeanInterval, formatP, formatValue, metricTitle } from "./format/metric-values.js";
export {
  describeCells,
  describeSelector,
  formatMeasured,
  formatPublished,
  formatTolerance,
} from "./format/repro-check-text.js";
export { shortCitation } from "./format/short-citation.js";
export type { LeaderboardRow } from "./queries/leaderboard.js";
export { type FriedmanAcrossSettings, friedmanAcrossSettings } from "./reports/friedman-across-settings.js";
export type { RankedEntry, RankedSetting, VersusBest } from "./reports/ranked-leaderboard.js";
