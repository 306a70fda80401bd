/**
 * FastICA (Hyvarinen 1999), symmetric form with the log-cosh contrast, as activation clustering
 * uses it to reduce activations before clustering (Chen et al. 2018 reduce to 10 components):
 * centre, whiten onto the top principal directions, then iterate
 * W <- E[z g(W z)^T]^T - diag(E[g'(W z)]) W with symmetric decorrelation W <- (W W^T)^(-1/2) W.
 * Returns the n x k independent components.
 */
import { SeededRandom } from "../../random/seeded-random.js";
import { principalDirections } from "./principal-directions.js";
import { symmetricEigen } from "./symmetric-eigen.js";

export function fastIca(
  x: ArrayLike<number>,
  n: number,
  d: number,
  components: number,
  { seed = 0, maxIterations = 200, tolerance = 1e-4 } = {},
): Float64Array {
  const k = Math.min(components, d, Math.max(n - 1, 1));
  const { directions, variances, mean } = principalDirections(x, n, d, k, { seed });
  // Whitened data z = diag(1/sqrt(var)) V (x - mean), n x k.
  const z = new Float64Array(n * k);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++)
        s += ((x[i * d + j] as number) - (mean[j] as number)) * (directions[c * d + j] as number);
      const variance = variances[c] as number;
      z[i * k + c] = variance > 1e-12 ? s / Math.sqrt(variance) : 0;
    }
  const random = new SeededRandom(seed).fork("fast-ica");
  let w = decorrelate(
    Float64Array.from({ length: k * k }, () => random.normal()),
    k,
  );
  const wz = new Float64Array(k);
  for (let it = 0; it < maxIterations; it++) {
    const next = new Float64Array(k * k);
    const meanDerivative = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < k; r++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += (w[r * k + c] as number) * (z[i * k + c] as number);
        wz[r] = s;
      }
      for (let r = 0; r < k; r++) {
        const g = Math.tanh(wz[r] as number);
        meanDerivative[r] = (meanDerivative[r] as number) + 1 - g * g;
        for (let c = 0; c < k; c++) next[r * k + c] = (next[r * k + c] as number) + g * (z[i * k + c] as number);
      }
    }
    for (let r = 0; r < k; r++)
      for (let c = 0; c < k; c++)
        next[r * k + c] =
          (next[r * k + c] as number) / n - ((meanDerivative[r] as number) / n) * (w[r * k + c] as number);
    const updated = decorrelate(next, k);
    // Converged when every row keeps its direction (up to sign).
    let change = 0;
    for (let r = 0; r < k; r++) {
      let dotted = 0;
      for (let c = 0; c < k; c++) dotted += (updated[r * k + c] as number) * (w[r * k + c] as number);
      change = Math.max(change, Math.abs(Math.abs(dotted) - 1));
    }
    w = updated;
    if (change < tolerance) break;
  }
  const sources = new Float64Array(n * k);
  for (let i = 0; i < n; i++)
    for (let r = 0; r < k; r++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += (w[r * k + c] as number) * (z[i * k + c] as number);
      sources[i * k + r] = s;
    }
  return sources;
}

/** (W W^T)^(-1/2) W for a k x k matrix. */
function decorrelate(w: Float64Array, k: number): Float64Array {
  const wwt = new Float64Array(k * k);
  for (let r = 0; r < k; r++)
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += (w[r * k + j] as number) * (w[c * k + j] as number);
      wwt[r * k + c] = s;
    }
  const { values, vectors } = symmetricEigen(wwt, k);
  const inverseRoot = new Float64Array(k * k);
  for (let r = 0; r < k; r++)
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let e = 0; e < k; e++)
        s +=
          ((vectors[r * k + e] as number) * (vectors[c * k + e] as number)) /
          Math.sqrt(Math.max(values[e] as number, 1e-12));
      inverseRoot[r * k + c] = s;
    }
  const out = new Float64Array(k * k);
  for (let r = 0; r < k; r++)
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += (inverseRoot[r * k + j] as number) * (w[j * k + c] as number);
      out[r * k + c] = s;
    }
  return out;
}
