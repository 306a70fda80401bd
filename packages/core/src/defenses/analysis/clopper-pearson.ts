/**
 * Exact (Clopper-Pearson) binomial confidence intervals, from the beta distribution's quantiles
 * (stdlib's implementation): for x successes in n trials at two-sided level alpha, the lower
 * bound is the alpha/2 quantile of Beta(x, n - x + 1) and the upper the 1 - alpha/2 quantile of
 * Beta(x + 1, n - x), with 0 and 1 at the ends. The bagging certificate bounds vote shares with it.
 */
import { createRequire } from "node:module";

type BetaQuantile = (p: number, alpha: number, beta: number) => number;

// Loaded on first use: stdlib's quantile is ~100 small CommonJS modules, and importing them with
// the rest of core added ~180 ms to every CLI command and every worker thread's start, for a
// function only the bagging certificate calls.
let betaQuantileFn: BetaQuantile | undefined;
function betaQuantile(p: number, alpha: number, beta: number): number {
  betaQuantileFn ??= createRequire(import.meta.url)("@stdlib/stats-base-dists-beta-quantile") as BetaQuantile;
  return betaQuantileFn(p, alpha, beta);
}

export function clopperPearson(x: number, n: number, alpha: number): { lower: number; upper: number } {
  if (!(Number.isInteger(x) && Number.isInteger(n) && x >= 0 && x <= n && n > 0))
    throw new RangeError(`clopperPearson: need 0 <= x <= n with n > 0, got x = ${x}, n = ${n}`);
  const lower = x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1);
  const upper = x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x);
  return { lower, upper };
}
