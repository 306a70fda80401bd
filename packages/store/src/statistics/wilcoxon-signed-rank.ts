/**
 * The Wilcoxon signed-rank test on paired samples, as R's wilcox.test(paired = TRUE): zero
 * differences are dropped; V is the sum of the ranks of the positive differences (ties get mid-
 * ranks). With fewer than 50 differences and no ties the two-sided p is exact (the null
 * distribution of V by dynamic programming); otherwise it is the normal approximation with
 * continuity and tie corrections.
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";

export interface SignedRankTest {
  statistic: number;
  p: number;
  n: number;
  exact: boolean;
}

export function wilcoxonSignedRank(x: readonly number[], y: readonly number[]): SignedRankTest {
  if (x.length !== y.length) throw new RangeError(`paired samples differ in length: ${x.length} and ${y.length}`);
  const d = x.map((v, i) => v - (y[i] as number)).filter((v) => v !== 0);
  const n = d.length;
  if (n === 0) return { statistic: 0, p: 1, n, exact: true };
  const order = d.map((v, i) => ({ a: Math.abs(v), i })).sort((p, q) => p.a - q.a);
  const ranks = new Float64Array(n);
  const tieSizes: number[] = [];
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && (order[end + 1] as { a: number }).a === (order[start] as { a: number }).a) end++;
    for (let k = start; k <= end; k++) ranks[(order[k] as { i: number }).i] = (start + end) / 2 + 1;
    tieSizes.push(end - start + 1);
    start = end + 1;
  }
  const statistic = d.reduce((sum, v, i) => (v > 0 ? sum + (ranks[i] as number) : sum), 0);
  const ties = tieSizes.some((t) => t > 1);
  if (n < 50 && !ties) {
    // counts[s] = number of sign patterns whose positive ranks sum to s.
    const max = (n * (n + 1)) / 2;
    let counts = new Float64Array(max + 1);
    counts[0] = 1;
    for (let r = 1; r <= n; r++) {
      const next = Float64Array.from(counts);
      for (let s = r; s <= max; s++) next[s] = (next[s] as number) + (counts[s - r] as number);
      counts = next;
    }
    const total = 2 ** n;
    const cdf = (v: number) => counts.slice(0, Math.floor(v) + 1).reduce((a, b) => a + b, 0) / total;
    const p = statistic > max / 2 ? 2 * (1 - cdf(statistic - 1)) : 2 * cdf(statistic);
    return { statistic, p: Math.min(1, p), n, exact: true };
  }
  const mean = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieSizes.reduce((a, t) => a + (t ** 3 - t), 0) / 48;
  const z = statistic - mean;
  const corrected = (z - Math.sign(z) * 0.5) / Math.sqrt(variance);
  return { statistic, p: Math.min(1, 2 * (1 - normalCdf(Math.abs(corrected), 0, 1))), n, exact: false };
}
