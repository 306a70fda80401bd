/**
 * The mean silhouette coefficient (Rousseeuw 1987) of a clustering: for each point, (b - a) /
 * max(a, b) with a its mean distance to its own cluster and b to the nearest other cluster;
 * points alone in their cluster count 0, as in scikit-learn. Exact, O(n^2 d).
 */
export function meanSilhouette(
  points: ArrayLike<number>,
  n: number,
  d: number,
  assignments: Int32Array,
  k: number,
): number {
  const sizes = new Int32Array(k);
  for (const c of assignments) sizes[c] = (sizes[c] as number) + 1;
  if (sizes.filter((s) => s > 0).length < 2) return 0;
  let total = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let m = 0; m < n; m++) {
      if (m === i) continue;
      let s = 0;
      for (let j = 0; j < d; j++) s += ((points[i * d + j] as number) - (points[m * d + j] as number)) ** 2;
      const c = assignments[m] as number;
      sums[c] = (sums[c] as number) + Math.sqrt(s);
    }
    const own = assignments[i] as number;
    if ((sizes[own] as number) <= 1) continue;
    const a = (sums[own] as number) / ((sizes[own] as number) - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++)
      if (c !== own && (sizes[c] as number) > 0) b = Math.min(b, (sums[c] as number) / (sizes[c] as number));
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}
