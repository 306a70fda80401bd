/**
 * Leaderboard aggregation: per dataset, model, attack, rate and defense, each metric's mean,
 * standard deviation, n and 95% t-interval over the seeds of finished cells (one SQL pass over
 * the indexed columns; the interval from stdlib's Student-t quantile).
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Store } from "./open-store.js";
import { cells, experimentCells, metrics } from "./schema.js";

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
}

export function leaderboard(
  store: Store,
  options: { experimentId?: number; metrics?: string[]; level?: number } = {},
): LeaderboardRow[] {
  const level = options.level ?? 0.95;
  const filters = [eq(cells.status, "finished"), sql`${metrics.value} IS NOT NULL`];
  if (options.metrics) filters.push(inArray(metrics.name, options.metrics));
  const base = store.db
    .select({
      dataset: cells.dataset,
      model: cells.model,
      attack: cells.attack,
      rate: cells.rate,
      defense: cells.defense,
      metric: metrics.name,
      n: sql<number>`count(*)`,
      sum: sql<number>`sum(${metrics.value})`,
      sumSquares: sql<number>`sum(${metrics.value} * ${metrics.value})`,
    })
    .from(metrics)
    .innerJoin(cells, eq(cells.identity, metrics.identity));
  const joined =
    options.experimentId === undefined
      ? base.where(and(...filters))
      : base
          .innerJoin(experimentCells, eq(experimentCells.identity, cells.identity))
          .where(and(eq(experimentCells.experimentId, options.experimentId), ...filters));
  return joined
    .groupBy(cells.dataset, cells.model, cells.attack, cells.rate, cells.defense, metrics.name)
    .orderBy(cells.dataset, cells.model, cells.attack, cells.rate, cells.defense, metrics.name)
    .all()
    .map(({ sum, sumSquares, n, ...key }) => {
      const mean = sum / n;
      const variance = n > 1 ? Math.max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0;
      const sd = Math.sqrt(variance);
      const half = n > 1 ? tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n)) : 0;
      return { ...key, metric: key.metric, mean, sd, n, ciLow: mean - half, ciHigh: mean + half };
    });
}
