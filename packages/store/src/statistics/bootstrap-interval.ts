/**
 * Percentile bootstrap confidence interval of the mean over seeds: resample the values with
 * replacement `resamples` times (a seeded generator, so the interval is reproducible) and take the
 * (1 - level)/2 and (1 + level)/2 quantiles of the resampled means.
 */
import { SeededRandom } from "@hemlock/core/portable";

export function bootstrapInterval(
  values: readonly number[],
  { level = 0.95, resamples = 10_000, seed = 0 } = {},
): { low: number; high: number } {
  const n = values.length;
  if (n === 0) return { low: Number.NaN, high: Number.NaN };
  const random = new SeededRandom(seed);
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[random.int(n)] as number;
    means[b] = sum / n;
  }
  means.sort();
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))] as number;
  return { low: at((1 - level) / 2), high: at((1 + level) / 2) };
}
