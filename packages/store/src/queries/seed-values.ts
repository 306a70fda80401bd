/**
 * One metric's value in every finished cell a filter selects, with the cell's setting, comparison
 * key and seed: the paired samples that significance tests between defenses read.
 */
import { and, eq } from "drizzle-orm";
import type { Store } from "../database/open-store.js";
import { cells, experimentCells, metrics } from "../database/schema.js";
import { type CellFilter, cellFilters } from "./leaderboard.js";

export interface SeedValue {
  setting: string;
  comparison: string;
  defense: string;
  seed: number;
  value: number;
}

export function seedValues(store: Store, metric: string, filter: CellFilter = {}): SeedValue[] {
  const conditions = [...cellFilters(filter), eq(metrics.name, metric)];
  const base = store.db
    .select({
      setting: cells.setting,
      comparison: cells.comparison,
      defense: cells.defense,
      seed: cells.seed,
      value: metrics.value,
    })
    .from(metrics)
    .innerJoin(cells, eq(cells.identity, metrics.identity));
  const rows =
    filter.experimentId === undefined
      ? base.where(and(...conditions)).all()
      : base
          .innerJoin(experimentCells, eq(experimentCells.identity, cells.identity))
          .where(and(eq(experimentCells.experimentId, filter.experimentId), ...conditions))
          .all();
  return rows.filter((r): r is SeedValue => r.value !== null);
}

/** Values of two settings matched by seed, in seed order. */
export function pairBySeed(
  a: readonly SeedValue[],
  b: readonly SeedValue[],
): { x: number[]; y: number[]; seeds: number[] } {
  const bySeed = new Map(b.map((v) => [v.seed, v.value]));
  const matched = a.filter((v) => bySeed.has(v.seed)).sort((p, q) => p.seed - q.seed);
  return {
    x: matched.map((v) => v.value),
    y: matched.map((v) => bySeed.get(v.seed) as number),
    seeds: matched.map((v) => v.seed),
  };
}
