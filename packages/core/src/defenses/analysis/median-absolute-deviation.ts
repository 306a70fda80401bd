/**
 * Robust outlier scores by the median absolute deviation, as Neural Cleanse (Wang et al. 2019)
 * scores each label's reversed-trigger size: index_i = |v_i - median| / (1.4826 MAD). The constant
 * makes 1.4826 MAD a consistent estimate of the standard deviation under normality, so an index
 * above 2 is an outlier at roughly 95% confidence whatever the scale of the values.
 */

export const MAD_CONSISTENCY = 1.4826;

export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The anomaly index of every value. When more than half the values are equal the MAD is 0: those
 * values then score 0 and any other scores Infinity (an unbounded outlier, not a division error).
 */
export function anomalyIndices(values: ArrayLike<number>): { median: number; mad: number; indices: Float64Array } {
  const centre = median(values);
  const deviations = Float64Array.from(values, (v) => Math.abs(v - centre));
  const mad = median(deviations);
  const indices = deviations.map((d) =>
    d === 0 ? 0 : mad === 0 ? Number.POSITIVE_INFINITY : d / (MAD_CONSISTENCY * mad),
  );
  return { median: centre, mad, indices };
}
