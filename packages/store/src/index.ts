/**
 * @hemlock/store: the results store (drizzle-orm on better-sqlite3), its schema and its queries:
 * experiments, cells, artifacts, metrics, events, reproduction runs and bundles. Statistics are
 * in @hemlock/store/statistics (pure functions), what is computed from the results (ranked
 * leaderboards, comparisons, reproduction checks) in @hemlock/store/reports, and formatting,
 * charts and export formats in @hemlock/store/portable.
 */

export { type Bundle, type BundledCell, bundleSchema } from "./bundles/bundle-format.js";
export { type ExportedBundle, exportBundle } from "./bundles/export-bundle.js";
export { type ImportReport, importBundle, verifyBundle } from "./bundles/import-bundle.js";
export {
  defaultStorePath,
  MIGRATIONS_DIR,
  openStore,
  openStoreReadOnly,
  type Store,
  type StoreDb,
} from "./database/open-store.js";
export * as schema from "./database/schema.js";
export { storeVersion } from "./database/store-version.js";
export {
  type CellDetail,
  type ChainArtifact,
  cellCount,
  cellDetail,
  cellDetails,
  cellPrefixes,
  type EpochPoint,
} from "./queries/cell-detail.js";
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
} from "./queries/cell-records.js";
export { collectGarbage, type GarbageReport } from "./queries/collect-garbage.js";
export {
  type CellLabels,
  type ExperimentDetail,
  experimentCellPage,
  experimentDetail,
} from "./queries/experiment-detail.js";
export {
  type CellRow,
  type ExperimentSummary,
  experimentCellRows,
  experimentEvents,
  experimentSpecText,
  findExperiment,
  listExperiments,
} from "./queries/experiment-queries.js";
export { type CellFilter, type LeaderboardRow, leaderboard, metricNames } from "./queries/leaderboard.js";
export { defaultMetric, type MetricInfo, metricCatalog, metricInfo } from "./queries/metric-catalog.js";
export { pastWallTimes, settingKey } from "./queries/past-runs.js";
export { lastComputingReproRun, type ReproRunRecord } from "./queries/repro-runs.js";
export { pairBySeed, type SeedValue, seedValues } from "./queries/seed-values.js";
export { copyStoreSubset, type SubsetFilter } from "./queries/store-subset.js";
