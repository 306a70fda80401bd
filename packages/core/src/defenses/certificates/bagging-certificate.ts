/**
 * The certificate of bagging (Jia, Cao, Gong 2021). N base models, each trained on k examples
 * drawn with replacement from the n training examples, vote; with p_A a lower confidence bound
 * on the top label's vote share and p_B an upper bound on any other's (Clopper-Pearson,
 * Bonferroni over the K labels), the prediction cannot change while at most r training examples
 * are modified, deleted or inserted, for the largest r with, for every poisoned-set size n' in
 * [n, n + r],
 *   (n'/n)^k - 2 ((n' - r)/n)^k + 1 - p_A + p_B < 0.
 * The left side peaks at n' = r / (1 - 2^(-1/(k-1))), so only that point (rounded both ways) and
 * the ends need checking; the condition only tightens as r grows, so r is found by bisection.
 * Radius -1: not certified at all (p_A <= p_B).
 */
import { clopperPearson } from "../analysis/clopper-pearson.js";

export function baggingRadius(pA: number, pB: number, k: number, n: number): number {
  if (pA <= pB) return -1;
  const holds = (r: number) => {
    const value = (nPrime: number) => (nPrime / n) ** k - 2 * ((nPrime - r) / n) ** k + 1 - pA + pB;
    const peak = k > 1 ? r / (1 - 0.5 ** (1 / (k - 1))) : n;
    const candidates = [n, n + r, Math.floor(peak), Math.ceil(peak)].filter((m) => m >= n && m <= n + r);
    return Math.max(...candidates.map(value)) < 0;
  };
  if (!holds(0)) return -1;
  let low = 0;
  let high = 1;
  while (holds(high) && high < n) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (holds(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * Predictions and certified radii from vote counts (rows of K), at simultaneous confidence
 * 1 - alpha over all rows: each row gets alpha / rows, split over its K labels.
 */
export function baggingCertify(
  counts: Int32Array,
  classes: number,
  k: number,
  n: number,
  alpha: number,
): { predictions: Int32Array; radii: Int32Array } {
  const rows = counts.length / classes;
  const predictions = new Int32Array(rows);
  const radii = new Int32Array(rows);
  const perLabel = (2 * (alpha / rows)) / classes;
  for (let i = 0; i < rows; i++) {
    const row = counts.subarray(i * classes, (i + 1) * classes);
    const total = row.reduce((a, b) => a + b, 0);
    let top = 0;
    for (let c = 1; c < classes; c++) if ((row[c] as number) > (row[top] as number)) top = c;
    const pA = clopperPearson(row[top] as number, total, perLabel).lower;
    let pB = 0;
    for (let c = 0; c < classes; c++)
      if (c !== top) pB = Math.max(pB, clopperPearson(row[c] as number, total, perLabel).upper);
    predictions[i] = top;
    radii[i] = baggingRadius(pA, Math.min(pB, 1 - pA), k, n);
  }
  return { predictions, radii };
}
