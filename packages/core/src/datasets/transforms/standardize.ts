/**
 * Standardizes tabular features to zero mean and unit variance, with the statistics fitted on
 * the training split only, so nothing about the test split leaks into training. A subset of
 * columns can be standardized (Adult's numeric columns, leaving its one-hot columns alone).
 */

export interface Standardizer {
  /** Row width of the data it was fitted on. */
  width: number;
  columns: number[];
  mean: Float64Array;
  std: Float64Array;
}

export function fitStandardizer(
  x: Float32Array,
  width: number,
  columns = Array.from({ length: width }, (_, f) => f),
): Standardizer {
  const n = x.length / width;
  const mean = new Float64Array(columns.length);
  const sq = new Float64Array(columns.length);
  columns.forEach((f, k) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i * width + f] as number;
    mean[k] = sum / n;
    let s = 0;
    for (let i = 0; i < n; i++) s += ((x[i * width + f] as number) - sum / n) ** 2;
    sq[k] = s;
  });
  // A constant column keeps its (zero) centred values instead of dividing by zero.
  const std = sq.map((s) => Math.sqrt(s / n) || 1);
  return { width, columns, mean, std };
}

export function applyStandardizer(x: Float32Array, { width, columns, mean, std }: Standardizer): void {
  columns.forEach((f, k) => {
    const m = mean[k] as number;
    const s = std[k] as number;
    for (let i = f; i < x.length; i += width) x[i] = ((x[i] as number) - m) / s;
  });
}
