/**
 * The paired t-test over seeds: do two defenses differ in one setting? t = mean(d) / (sd(d)/sqrt n)
 * on the per-seed differences, two-sided p from Student's t with n - 1 degrees of freedom.
 */
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

export interface PairedTest {
  statistic: number;
  df: number;
  p: number;
  meanDifference: number;
  /** The 95% t-interval of the mean difference (zero width when every difference is equal). */
  ciLow: number;
  ciHigh: number;
  n: number;
}

/** The 97.5% quantile by degrees of freedom, computed once each: stdlib's is iterative, and a
 * comparison over 1,000 settings asks for the same few thousands of times. */
const quantiles = new Map<number, number>();
function quantile975(df: number): number {
  let q = quantiles.get(df);
  if (q === undefined) {
    q = tQuantile(0.975, df);
    quantiles.set(df, q);
  }
  return q;
}

export function pairedTTest(x: readonly number[], y: readonly number[]): PairedTest {
  if (x.length !== y.length) throw new RangeError(`paired samples differ in length: ${x.length} and ${y.length}`);
  const d = x.map((v, i) => v - (y[i] as number));
  const n = d.length;
  const mean = d.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(d.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const statistic = mean / (sd / Math.sqrt(n));
  const half = n > 1 ? quantile975(n - 1) * (sd / Math.sqrt(n)) : 0;
  const interval = { ciLow: mean - half, ciHigh: mean + half };
  // All differences equal: no spread, so the test is undefined unless the mean is 0.
  if (!Number.isFinite(statistic))
    return { statistic, df: n - 1, p: mean === 0 ? 1 : 0, meanDifference: mean, ...interval, n };
  const p = 2 * (1 - tCdf(Math.abs(statistic), n - 1));
  return { statistic, df: n - 1, p, meanDifference: mean, ...interval, n };
}
