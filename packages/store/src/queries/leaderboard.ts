/**
 * Leaderboard aggregation: for every setting (a cell's configuration without its seed), each
 * metric's mean, standard deviation, n and 95% t-interval over the seeds of its finished cells,
 * labelled by dataset, model, attack, rate and defense. Across the store it reads setting_metrics,
 * the per-setting sums that triggers keep (one row per setting and metric, however many seeds);
 * for one experiment it sums that experiment's cells. The interval uses stdlib's Student-t quantile,
 * loaded on first use (about 200 small modules), so commands that only read statuses skip it.
 */
import { createRequire } from "node:module";
import { and, eq, gt, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Store } from "../database/open-store.js";
import { cells, experimentCells, metrics, settingMetrics } from "../database/schema.js";

export interface LeaderboardRow {
  dataset: string;
  model: string;
  attack: string;
  rate: number;
  defense: string;
  metric: string;
  mean: number;
  sd: number;
  n: number;
  /** The 95% t-interval; equal to the mean when n = 1. */
  ciLow: number;
  ciHigh: number;
  /** The setting's key: rows of one setting differ only by metric. */
  setting: string;
  /** Shared by the settings that differ only by defense ("" when not recorded). */
  comparison: string;
}

/** Which cells to read. Label filters match a label exactly or by its plugin name ("blended" matches "blended alpha=0.1"). */
export interface CellFilter {
  experimentId?: number;
  dataset?: string;
  model?: string;
  attack?: string;
  defense?: string;
  rate?: number;
}

interface Sums {
  setting: string;
  dataset: string;
  model: string;
  attack: string;
  rate: number;
  defense: string;
  comparison: string;
  metric: string;
  n: number;
  sum: number;
  sumSquares: number;
}

type TQuantile = (p: number, df: number) => number;
let tQuantileFn: TQuantile | undefined;
const tQuantile: TQuantile = (p, df) => {
  tQuantileFn ??= createRequire(import.meta.url)("@stdlib/stats-base-dists-t-quantile") as TQuantile;
  return tQuantileFn(p, df);
};

export function leaderboard(
  store: Store,
  options: CellFilter & { metrics?: string[]; level?: number } = {},
): LeaderboardRow[] {
  const quantiles = new Map<number, number>();
  const level = options.level ?? 0.95;
  const tAt = (df: number) => {
    const known = quantiles.get(df);
    if (known !== undefined) return known;
    const q = tQuantile(1 - (1 - level) / 2, df);
    quantiles.set(df, q);
    return q;
  };
  const row = (key: Omit<Sums, "n" | "sum" | "sumSquares">, n: number, sum: number, sumSquares: number) => {
    const mean = sum / n;
    const sd = n > 1 ? Math.sqrt(Math.max(0, (sumSquares - n * mean * mean) / (n - 1))) : 0;
    const half = n > 1 ? tAt(n - 1) * (sd / Math.sqrt(n)) : 0;
    return {
      dataset: key.dataset,
      model: key.model,
      attack: key.attack,
      rate: key.rate,
      defense: key.defense,
      metric: key.metric,
      mean,
      sd,
      n,
      ciLow: mean - half,
      ciHigh: mean + half,
      setting: key.setting,
      comparison: key.comparison,
    };
  };
  if (options.experimentId === undefined) return storeRows(store, options, row);
  return experimentSums(store, options)
    .sort(bySetting)
    .map((s) => row(s, s.n, s.sum, s.sumSquares));
}

/** Leaderboard order: by labels, then setting, then metric. */
function bySetting(a: Sums, b: Sums): number {
  return (
    compare(a.dataset, b.dataset) ||
    compare(a.model, b.model) ||
    compare(a.attack, b.attack) ||
    a.rate - b.rate ||
    compare(a.defense, b.defense) ||
    compare(a.setting, b.setting) ||
    compare(a.metric, b.metric)
  );
}

/**
 * Every setting in the store, from the trigger-kept sums: one row per setting with each metric's
 * sums side by side (SQLite does the pivot, so JavaScript builds a third as many rows), in
 * leaderboard order.
 */
function storeRows(
  store: Store,
  options: CellFilter & { metrics?: string[] },
  row: (key: Omit<Sums, "n" | "sum" | "sumSquares">, n: number, sum: number, sumSquares: number) => LeaderboardRow,
): LeaderboardRow[] {
  const names = options.metrics ?? metricNames(store);
  if (names.length === 0) return [];
  const s = settingMetrics;
  const columns = names.map(
    (name) =>
      sql`max(CASE WHEN ${s.name} = ${name} THEN ${s.n} END), max(CASE WHEN ${s.name} = ${name} THEN ${s.sum} END), max(CASE WHEN ${s.name} = ${name} THEN ${s.sumSquares} END)`,
  );
  const where = and(gt(s.n, 0), inArray(s.name, names), ...labelFilters(s, options));
  const query = sql`SELECT ${s.setting}, ${s.dataset}, ${s.model}, ${s.attack}, ${s.rate}, ${s.defense}, ${s.comparison}, ${sql.join(columns, sql`, `)}
    FROM ${s} WHERE ${where} GROUP BY ${s.setting}
    ORDER BY ${s.dataset}, ${s.model}, ${s.attack}, ${s.rate}, ${s.defense}, ${s.setting}`;
  const rows = store.db.values<unknown[]>(query);
  const out: LeaderboardRow[] = [];
  const order = names.map((name, i) => ({ name, i })).sort((a, b) => compare(a.name, b.name));
  for (const values of rows) {
    const [setting, dataset, model, attack, rate, defense, comparison] = values as [
      string,
      string,
      string,
      string,
      number,
      string,
      string,
    ];
    for (const { name, i } of order) {
      const n = values[7 + 3 * i] as number | null;
      if (n === null) continue;
      const key = { setting, dataset, model, attack, rate, defense, comparison, metric: name };
      out.push(row(key, n, values[8 + 3 * i] as number, values[9 + 3 * i] as number));
    }
  }
  return out;
}

/** The metric names recorded in the store (a skip-scan of the metrics index: one probe per name). */
export function metricNames(store: Store): string[] {
  return (
    store.sqlite
      .prepare(
        `WITH RECURSIVE names(name) AS (
           SELECT min(name) FROM metrics
           UNION ALL SELECT (SELECT min(name) FROM metrics WHERE name > names.name) FROM names WHERE names.name IS NOT NULL)
         SELECT name FROM names WHERE name IS NOT NULL`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

/** One experiment's cells, summed per setting and metric. */
function experimentSums(store: Store, options: CellFilter & { metrics?: string[] }): Sums[] {
  const filters = [...cellFilters(options), isNotNull(metrics.value)];
  if (options.metrics) filters.push(inArray(metrics.name, options.metrics));
  return store.db
    .select({
      setting: cells.setting,
      dataset: sql<string>`min(${cells.dataset})`,
      model: sql<string>`min(${cells.model})`,
      attack: sql<string>`min(${cells.attack})`,
      rate: sql<number>`min(${cells.rate})`,
      defense: sql<string>`min(${cells.defense})`,
      comparison: sql<string>`min(${cells.comparison})`,
      metric: metrics.name,
      n: sql<number>`count(*)`,
      sum: sql<number>`sum(${metrics.value})`,
      sumSquares: sql<number>`sum(${metrics.value} * ${metrics.value})`,
    })
    .from(metrics)
    .innerJoin(cells, eq(cells.identity, metrics.identity))
    .innerJoin(experimentCells, eq(experimentCells.identity, cells.identity))
    .where(and(eq(experimentCells.experimentId, options.experimentId as number), ...filters))
    .groupBy(cells.setting, metrics.name)
    .all();
}

/** SQL conditions on finished cells for a filter. */
export function cellFilters(filter: CellFilter): SQL[] {
  return [eq(cells.status, "finished"), ...labelFilters(cells, filter)];
}

function labelFilters(
  table: {
    dataset: SQLiteColumn;
    model: SQLiteColumn;
    attack: SQLiteColumn;
    defense: SQLiteColumn;
    rate: SQLiteColumn;
  },
  filter: CellFilter,
): SQL[] {
  const out: SQL[] = [];
  const label = (column: SQLiteColumn, value: string | undefined) => {
    if (value !== undefined)
      out.push(or(eq(column, value), sql`substr(${column}, 1, ${value.length + 1}) = ${`${value} `}`) as SQL);
  };
  label(table.dataset, filter.dataset);
  label(table.model, filter.model);
  label(table.attack, filter.attack);
  label(table.defense, filter.defense);
  if (filter.rate !== undefined) out.push(eq(table.rate, filter.rate));
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
