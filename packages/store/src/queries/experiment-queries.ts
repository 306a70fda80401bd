/**
 * Reading experiments back: each with its cell counts by status (`hemlock ls`), one by name, its
 * events of a kind, its file's text, and one experiment's cells in grid order with their headline
 * metrics (`hemlock show`).
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Store } from "../database/open-store.js";
import { cells, events, experimentCells, experiments, metrics } from "../database/schema.js";
import type { CellRecordInput } from "./cell-records.js";

export interface ExperimentSummary {
  name: string;
  cells: number;
  finished: number;
  failed: number;
  pending: number;
  updatedAt: Date;
}

export function listExperiments(store: Store): ExperimentSummary[] {
  return store.db
    .select({
      name: experiments.name,
      cells: sql<number>`count(${cells.identity})`,
      finished: sql<number>`coalesce(sum(${cells.status} = 'finished'), 0)`,
      failed: sql<number>`coalesce(sum(${cells.status} = 'failed'), 0)`,
      pending: sql<number>`coalesce(sum(${cells.status} IN ('planned', 'running')), 0)`,
      updatedAt: experiments.updatedAt,
    })
    .from(experiments)
    .leftJoin(experimentCells, eq(experimentCells.experimentId, experiments.id))
    .leftJoin(cells, eq(cells.identity, experimentCells.identity))
    .groupBy(experiments.id)
    .orderBy(asc(experiments.name))
    .all();
}

/** The columns that name a cell: its identity and the labels of its axes. */
export const CELL_LABEL_COLUMNS = {
  identity: cells.identity,
  dataset: cells.dataset,
  model: cells.model,
  attack: cells.attack,
  rate: cells.rate,
  defense: cells.defense,
  seed: cells.seed,
};

export interface CellRow
  extends Pick<CellRecordInput, "identity" | "dataset" | "model" | "attack" | "rate" | "defense" | "seed"> {
  status: string;
  error: string | null;
  metrics: Record<string, number | null>;
}

/** The experiment's id, or undefined when no experiment has that name. */
export function findExperiment(store: Store, name: string): number | undefined {
  return store.db.select({ id: experiments.id }).from(experiments).where(eq(experiments.name, name)).get()?.id;
}

/** The experiment's cells in grid order, or undefined when no experiment has that name. */
export function experimentCellRows(store: Store, name: string): CellRow[] | undefined {
  const experimentId = findExperiment(store, name);
  if (experimentId === undefined) return undefined;
  const rows = store.db
    .select({
      ...CELL_LABEL_COLUMNS,
      status: cells.status,
      error: cells.error,
    })
    .from(experimentCells)
    .innerJoin(cells, eq(cells.identity, experimentCells.identity))
    .where(eq(experimentCells.experimentId, experimentId))
    .orderBy(asc(experimentCells.position))
    .all();
  const values = new Map<string, Record<string, number | null>>();
  for (const m of store.db
    .select({ identity: metrics.identity, name: metrics.name, value: metrics.value })
    .from(metrics)
    .innerJoin(experimentCells, eq(experimentCells.identity, metrics.identity))
    .where(eq(experimentCells.experimentId, experimentId))
    .all()) {
    const entry = values.get(m.identity) ?? {};
    entry[m.name] = m.value;
    values.set(m.identity, entry);
  }
  return rows.map((r) => ({ ...r, metrics: values.get(r.identity) ?? {} }));
}

/** An experiment's events of a kind (e.g. "repro-run"), newest first, with their payloads. */
export function experimentEvents(store: Store, experimentId: number, kind: string): { at: Date; payload: unknown }[] {
  return store.db
    .select({ at: events.at, payload: events.payload })
    .from(events)
    .where(and(eq(events.experimentId, experimentId), eq(events.kind, kind)))
    .orderBy(desc(events.at), desc(events.id))
    .all()
    .map((row) => ({ at: row.at, payload: row.payload ?? null }));
}

/** The experiment file's text as last registered (the paper, expectations and findings live in it). */
export function experimentSpecText(store: Store, experimentId: number): string | undefined {
  return store.db
    .select({ specText: experiments.specText })
    .from(experiments)
    .where(eq(experiments.id, experimentId))
    .get()?.specText;
}
