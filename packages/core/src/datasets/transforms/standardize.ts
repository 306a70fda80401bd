/**
 * Standardizes tabular features to zero mean and unit variance, with the statistics fitted on
 * the training split only, so nothing about the test split leaks into training.
 */

export interface Standardizer {
  mean: Float64Array;
  std: Float64Array;
}

export function fitStandardizer(x: Float32Array, features: number): Standardizer {
  const n = x.length / features;
  const mean = new Float64Array(features);
  const sq = new Float64Array(features);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < features; f++) mean[f] = (mean[f] as number) + (x[i * features + f] as number);
  }
  for (let f = 0; f < features; f++) mean[f] = (mean[f] as number) / n;
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < features; f++) {
      const d = (x[i * features + f] as number) - (mean[f] as number);
      sq[f] = (sq[f] as number) + d * d;
    }
  }
  // A constant column keeps its (zero) centred values instead of dividing by zero.
  const std = sq.map((s) => Math.sqrt(s / n) || 1);
  return { mean, std };
}

export function applyStandardizer(x: Float32Array, { mean, std }: Standardizer): void {
  const features = mean.length;
  for (let i = 0; i < x.length; i++) {
    const f = i % features;
    x[i] = ((x[i] as number) - (mean[f] as number)) / (std[f] as number);
  }
}
