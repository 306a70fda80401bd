/**
 * @hemlock/store: the results store (drizzle-orm on better-sqlite3): experiments, cells,
 * artifacts, metrics, events and reproduction checks.
 */

export { type Bundle, type BundledCell, bundleSchema } from "./bundles/bundle-format.js";
export { type ExportedBundle, exportBundle } from "./bundles/export-bundle.js";
export { type ImportReport, importBundle, verifyBundle } from "./bundles/import-bundle.js";
export {
  type ArtifactRecord,
  activeRunners,
  type CellRecordInput,
  type CellResult,
  cellStatuses,
  claimCell,
  claimCells,
  heartbeat,
  logEvent,
  recordResults,
  registerCells,
  registerExperiment,
  releaseCells,
  resetCells,
} from "./cell-records.js";
export { collectGarbage, type GarbageReport } from "./collect-garbage.js";
export {
  type CellRow,
  type ExperimentSummary,
  experimentCellRows,
  experimentEvents,
  experimentSpecText,
  findExperiment,
  listExperiments,
} from "./experiment-queries.js";
export { formatMeanCi, formatMeanInterval, formatP, formatValue, metricTitle } from "./format/metric-values.js";
export {
  describeCells,
  describeSelector,
  formatMeasured,
  formatPublished,
  formatTolerance,
} from "./format/repro-check-text.js";
export { shortCitation } from "./format/short-citation.js";
export { type CellFilter, type LeaderboardRow, leaderboard, metricNames } from "./leaderboard.js";
export {
  defaultStorePath,
  MIGRATIONS_DIR,
  openStore,
  openStoreReadOnly,
  type Store,
  type StoreDb,
} from "./open-store.js";
export { pastWallTimes, settingKey } from "./past-runs.js";
export {
  type ComparableNames,
  type CompareAxis,
  type CompareOptions,
  comparableNames,
  compareAxisOf,
  comparePlugins,
  type PluginComparison,
  pluginComparer,
  type SettingComparison,
} from "./reports/compare-plugins.js";
export { type FriedmanAcrossSettings, friedmanAcrossSettings } from "./reports/friedman-across-settings.js";
export {
  byBoardOrder,
  type PairedTestName,
  type RankedEntry,
  type RankedSetting,
  type RankOptions,
  rankDefenses,
  type VersusBest,
} from "./reports/ranked-leaderboard.js";
export {
  type CheckResult,
  type Expectation,
  evaluateExpectations,
  latestReproChecks,
  recordReproChecks,
  type Selector,
  type StoredCheck,
} from "./reports/repro-checks.js";
export { lastComputingReproRun, type ReproRunRecord } from "./reports/repro-runs.js";
export { pairBySeed, type SeedValue, seedValues } from "./reports/seed-values.js";
export * as schema from "./schema.js";
export {
  type CellDetail,
  type ChainArtifact,
  cellCount,
  cellDetail,
  cellDetails,
  cellPrefixes,
  type EpochPoint,
} from "./site/cell-detail.js";
export {
  type CellLabels,
  type ExperimentDetail,
  experimentCellPage,
  experimentDetail,
} from "./site/experiment-detail.js";
export {
  type BoardEntry,
  type BoardOptions,
  type BoardSetting,
  type MetricBoard,
  metricBoard,
  type UndefinedEntry,
} from "./site/metric-board.js";
export { defaultMetric, type MetricInfo, metricCatalog, metricInfo } from "./site/metric-catalog.js";
export {
  type CheckLine,
  type Paper,
  type ReproductionTarget,
  reproductionTargets,
} from "./site/reproduction-targets.js";
export { bootstrapInterval } from "./statistics/bootstrap-interval.js";
export { type FriedmanTest, friedmanTest } from "./statistics/friedman-test.js";
export { holmAdjust } from "./statistics/holm.js";
export { type IntervalEntry, intervalRanks } from "./statistics/interval-ranks.js";
export { type PairedTest, pairedTTest } from "./statistics/paired-t-test.js";
export { type SignedRankTest, wilcoxonSignedRank } from "./statistics/wilcoxon-signed-rank.js";
export { copyStoreSubset, type SubsetFilter } from "./store-subset.js";
export { storeVersion } from "./store-version.js";
