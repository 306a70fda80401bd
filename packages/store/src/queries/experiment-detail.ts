/**
 * One experiment as its page shows it: cell counts by status (a running experiment's progress on
 * reload), the cells that failed with their errors, the cells running now with their runner and
 * last heartbeat, its metrics, and the experiment file as it was last run.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Store } from "../database/open-store.js";
import { cells, experimentCells, experiments } from "../database/schema.js";
import type { CellRecordInput } from "./cell-records.js";
import { CELL_LABEL_COLUMNS } from "./experiment-queries.js";
import { type MetricInfo, metricCatalog } from "./metric-catalog.js";

export type CellLabels = Pick<
  CellRecordInput,
  "identity" | "dataset" | "model" | "attack" | "rate" | "defense" | "seed"
>;

export interface ExperimentDetail {
  name: string;
  specText: string;
  createdAt: Date;
  updatedAt: Date;
  counts: { planned: number; running: number; finished: number; failed: number; total: number };
  metrics: MetricInfo[];
  failed: (CellLabels & { error: string | null; attempts: number })[];
  running: (CellLabels & { runner: string | null; heartbeatAt: Date | null })[];
}

/** undefined when no experiment has that name. */
export function experimentDetail(store: Store, name: string): ExperimentDetail | undefined {
  const experiment = store.db.select().from(experiments).where(eq(experiments.name, name)).get();
  if (!experiment) return undefined;
  const counts = { planned: 0, running: 0, finished: 0, failed: 0, total: 0 };
  for (const row of store.db
    .select({ status: cells.status, n: sql<number>`count(*)` })
    .from(experimentCells)
    .innerJoin(cells, eq(cells.identity, experimentCells.identity))
    .where(eq(experimentCells.experimentId, experiment.id))
    .groupBy(cells.status)
    .all()) {
    counts[row.status] = row.n;
    counts.total += row.n;
  }
  // The experiment's cells in one status, in grid order, with the given columns beside their labels.
  const withStatus = <T extends Record<string, SQLiteColumn>>(status: "failed" | "running", columns: T) =>
    store.db
      .select({ ...CELL_LABEL_COLUMNS, ...columns })
      .from(experimentCells)
      .innerJoin(cells, eq(cells.identity, experimentCells.identity))
      .where(and(eq(experimentCells.experimentId, experiment.id), eq(cells.status, status)))
      .orderBy(asc(experimentCells.position))
      .all();
  return {
    name: experiment.name,
    specText: experiment.specText,
    createdAt: experiment.createdAt,
    updatedAt: experiment.updatedAt,
    counts,
    metrics: metricCatalog(store, experiment.id),
    failed: withStatus("failed", { error: cells.error, attempts: cells.attempts }),
    running: withStatus("running", { runner: cells.runner, heartbeatAt: cells.heartbeatAt }),
  };
}

/** A page of an experiment's cells in grid order, with status and the two headline metrics. */
export function experimentCellPage(
  store: Store,
  name: string,
  page: number,
  size: number,
):
  | {
      cells: (CellLabels & { status: string; cleanAccuracy: number | null; attackSuccessRate: number | null })[];
      total: number;
    }
  | undefined {
  const experiment = store.db.select({ id: experiments.id }).from(experiments).where(eq(experiments.name, name)).get();
  if (!experiment) return undefined;
  const total = store.db
    .select({ n: sql<number>`count(*)` })
    .from(experimentCells)
    .where(eq(experimentCells.experimentId, experiment.id))
    .get()?.n as number;
  const rows = store.sqlite
    .prepare(
      `SELECT c.identity, c.dataset, c.model, c.attack, c.rate, c.defense, c.seed, c.status,
              (SELECT value FROM metrics m WHERE m.identity = c.identity AND m.name = 'cleanAccuracy') AS cleanAccuracy,
              (SELECT value FROM metrics m WHERE m.identity = c.identity AND m.name = 'attackSuccessRate') AS attackSuccessRate
       FROM experiment_cells ec JOIN cells c ON c.identity = ec.identity
       WHERE ec.experiment_id = ? ORDER BY ec.position LIMIT ? OFFSET ?`,
    )
    .all(experiment.id, size, (page - 1) * size) as (CellLabels & {
    status: string;
    cleanAccuracy: number | null;
    attackSuccessRate: number | null;
  })[];
  return { cells: rows, total };
}
