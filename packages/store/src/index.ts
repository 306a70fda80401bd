/**
 * @hemlock/store: the results store (drizzle-orm on better-sqlite3): experiments, cells,
 * artifacts, metrics, events and reproduction checks.
 */
export {
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
} from "./cell-records.js";
export { defaultStorePath, MIGRATIONS_DIR, openStore, type Store, type StoreDb } from "./open-store.js";
export * as schema from "./schema.js";
