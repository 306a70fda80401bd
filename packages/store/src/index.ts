/**
 * @hemlock/store: the results store (drizzle-orm on better-sqlite3): experiments, cells,
 * artifacts, metrics, events and reproduction checks.
 */
export {
  type ArtifactRecord,
  activeRunners,
  type CellRecordInput,
  type CellResult,
  cellStatuses,
  claimCell,
  heartbeat,
  logEvent,
  recordResults,
  registerCells,
  registerExperiment,
  releaseCells,
  resetCells,
} from "./cell-records.js";
export { collectGarbage, type GarbageReport } from "./collect-garbage.js";
export { type CellRow, type ExperimentSummary, experimentCellRows, listExperiments } from "./experiment-queries.js";
export { type LeaderboardRow, leaderboard } from "./leaderboard.js";
export { defaultStorePath, MIGRATIONS_DIR, openStore, type Store, type StoreDb } from "./open-store.js";
export { pastWallTimes, settingKey } from "./past-runs.js";
export * as schema from "./schema.js";
export { bootstrapInterval } from "./statistics/bootstrap-interval.js";
export { type FriedmanTest, friedmanTest } from "./statistics/friedman-test.js";
export { holmAdjust } from "./statistics/holm.js";
export { type IntervalEntry, intervalRanks } from "./statistics/interval-ranks.js";
export { type PairedTest, pairedTTest } from "./statistics/paired-t-test.js";
export { type SignedRankTest, wilcoxonSignedRank } from "./statistics/wilcoxon-signed-rank.js";
