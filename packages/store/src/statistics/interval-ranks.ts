/**
 * Ranks that do not pretend to more precision than the seeds give: an entry's rank is 1 plus the
 * number of entries whose whole confidence interval lies strictly better than its own, so entries
 * with overlapping intervals share a rank (RobustBench-style leaderboards rank by point estimates
 * alone; this is the cautious alternative).
 */
export interface IntervalEntry {
  mean: number;
  ciLow: number;
  ciHigh: number;
}

export function intervalRanks(entries: readonly IntervalEntry[], higherIsBetter = true): number[] {
  return entries.map(
    (e) => 1 + entries.filter((other) => (higherIsBetter ? other.ciLow > e.ciHigh : other.ciHigh < e.ciLow)).length,
  );
}
