/**
 * The Friedman test with mean ranks: do k defenses differ across n settings (blocks)? Within each
 * setting the defenses are ranked (mid-ranks for ties; rank 1 is the best by the metric's
 * direction), and chi^2 = 12 / (n k (k+1)) sum_j R_j^2 - 3 n (k+1), divided by the tie correction
 * 1 - sum(t^3 - t) / (n (k^3 - k)) as R's friedman.test does; p from chi^2 with k - 1 degrees of
 * freedom.
 */
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";

export interface FriedmanTest {
  statistic: number;
  df: number;
  p: number;
  /** Mean rank of each treatment (column), 1 = best. */
  meanRanks: number[];
}

/** `table[block][treatment]`; `higherIsBetter` sets which way rank 1 points. */
export function friedmanTest(table: readonly (readonly number[])[], higherIsBetter = true): FriedmanTest {
  const n = table.length;
  const k = table[0]?.length ?? 0;
  const rankSums = new Float64Array(k);
  let tieTerm = 0;
  for (const row of table) {
    if (row.length !== k) throw new RangeError(`every block needs ${k} values, got ${row.length}`);
    const order = [...row.keys()].sort((a, b) =>
      higherIsBetter ? (row[b] as number) - (row[a] as number) : (row[a] as number) - (row[b] as number),
    );
    for (let start = 0; start < k; ) {
      let end = start;
      while (end + 1 < k && row[order[end + 1] as number] === row[order[start] as number]) end++;
      for (let j = start; j <= end; j++)
        rankSums[order[j] as number] = (rankSums[order[j] as number] as number) + (start + end) / 2 + 1;
      const t = end - start + 1;
      tieTerm += t ** 3 - t;
      start = end + 1;
    }
  }
  const sumSquares = rankSums.reduce((a, r) => a + r * r, 0);
  const raw = (12 / (n * k * (k + 1))) * sumSquares - 3 * n * (k + 1);
  const statistic = raw / (1 - tieTerm / (n * (k ** 3 - k)));
  const df = k - 1;
  return { statistic, df, p: 1 - chisquareCdf(statistic, df), meanRanks: [...rankSums].map((r) => r / n) };
}
