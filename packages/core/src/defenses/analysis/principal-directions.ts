/**
 * The top principal directions of a set of vectors (rows of X, n x d, centred here), by block
 * power iteration with Gram-Schmidt: k directions cost O(n d k) per iteration and never form the
 * d x d covariance. Used by spectral signatures (k = 1) and for whitening before ICA.
 */
import { SeededRandom } from "../../random/seeded-random.js";

export interface PrincipalDirections {
  /** k unit vectors of length d, row-major (k x d). */
  directions: Float64Array;
  /** The variance along each (eigenvalues of the covariance), descending. */
  variances: Float64Array;
  mean: Float64Array;
}

export function centredMean(x: ArrayLike<number>, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (x[i * d + j] as number);
  for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) / Math.max(n, 1);
  return mean;
}

export function principalDirections(
  x: ArrayLike<number>,
  n: number,
  d: number,
  k: number,
  { seed = 0, iterations = 100, tolerance = 1e-6 } = {},
): PrincipalDirections {
  const mean = centredMean(x, n, d);
  const centred = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) centred[i * d + j] = (x[i * d + j] as number) - (mean[j] as number);
  const random = new SeededRandom(seed).fork("principal-directions");
  let v = Float64Array.from({ length: k * d }, () => random.normal());
  orthonormalize(v, k, d);
  const projected = new Float64Array(n * k);
  const variances = new Float64Array(k);
  for (let it = 0; it < iterations; it++) {
    // projected = X v^T (n x k), then next = projected^T X (k x d).
    projected.fill(0);
    for (let i = 0; i < n; i++)
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (centred[i * d + j] as number) * (v[c * d + j] as number);
        projected[i * k + c] = s;
      }
    const next = new Float64Array(k * d);
    for (let i = 0; i < n; i++)
      for (let c = 0; c < k; c++) {
        const p = projected[i * k + c] as number;
        if (p === 0) continue;
        for (let j = 0; j < d; j++) next[c * d + j] = (next[c * d + j] as number) + p * (centred[i * d + j] as number);
      }
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (next[c * d + j] as number) * (v[c * d + j] as number);
      variances[c] = s / Math.max(n - 1, 1);
    }
    orthonormalize(next, k, d);
    let change = 0;
    for (let c = 0; c < k; c++) {
      let dotted = 0;
      for (let j = 0; j < d; j++) dotted += (next[c * d + j] as number) * (v[c * d + j] as number);
      change = Math.max(change, 1 - Math.abs(dotted));
    }
    v = next;
    if (change < tolerance) break;
  }
  return { directions: v, variances, mean };
}

/** Gram-Schmidt on the k rows of v (k x d), in place. */
function orthonormalize(v: Float64Array, k: number, d: number): void {
  for (let c = 0; c < k; c++) {
    for (let p = 0; p < c; p++) {
      let dotted = 0;
      for (let j = 0; j < d; j++) dotted += (v[c * d + j] as number) * (v[p * d + j] as number);
      for (let j = 0; j < d; j++) v[c * d + j] = (v[c * d + j] as number) - dotted * (v[p * d + j] as number);
    }
    let norm = 0;
    for (let j = 0; j < d; j++) norm += (v[c * d + j] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < d; j++) v[c * d + j] = (v[c * d + j] as number) / norm;
  }
}

/** Each row of X, centred by the directions' mean, projected on each direction (n x k). */
export function projectOnto(x: ArrayLike<number>, n: number, d: number, pd: PrincipalDirections): Float64Array {
  const k = pd.directions.length / d;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++)
        s += ((x[i * d + j] as number) - (pd.mean[j] as number)) * (pd.directions[c * d + j] as number);
      out[i * k + c] = s;
    }
  return out;
}

/** The rows of X projected on their top k principal directions (n x k), centred. */
export function principalProjection(x: ArrayLike<number>, n: number, d: number, k: number, seed = 0): Float64Array {
  return projectOnto(x, n, d, principalDirections(x, n, d, Math.min(k, d), { seed }));
}
