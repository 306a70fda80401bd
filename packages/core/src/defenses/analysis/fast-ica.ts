/**
 * FastICA (Hyvarinen 1999), symmetric form with the log-cosh contrast, as activation clustering
 * uses it to reduce activations before clustering (Chen et al. 2018 reduce to 10 components):
 * centre, whiten onto the top principal directions, then iterate
 * W <- E[z g(W z)^T]^T - diag(E[g'(W z)]) W with symmetric decorrelation W <- (W W^T)^(-1/2) W.
 * Returns the n x k independent components.
 */
import { SeededRandom } from "../../random/seeded-random.js";
import { principalDirections, projectOnto } from "./principal-directions.js";
import { symmetricEigen } from "./symmetric-eigen.js";

export function fastIca(
  x: ArrayLike<number>,
  n: number,
  d: number,
  components: number,
  { seed = 0, maxIterations = 200, tolerance = 1e-4 } = {},
): Float64Array {
  const k = Math.min(components, d, Math.max(n - 1, 1));
  const pd = principalDirections(x, n, d, k, { seed });
  // Whitened data z = diag(1/sqrt(var)) V (x - mean), n x k.
  const z = projectOnto(x, n, d, pd);
  z.forEach((v, idx) => {
    const variance = pd.variances[idx % k] as number;
    z[idx] = variance > 1e-12 ? v / Math.sqrt(variance) : 0;
  });
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
  // Sources: each whitened row times W^T.
  return timesTransposed(z, n, w, k, k);
}

/** A (m x d) times B^T, B being p x d: m x p. */
function timesTransposed(a: Float64Array, m: number, b: Float64Array, p: number, d: number): Float64Array {
  const out = new Float64Array(m * p);
  for (let r = 0; r < m; r++)
    for (let c = 0; c < p; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (a[r * d + j] as number) * (b[c * d + j] as number);
      out[r * p + c] = s;
    }
  return out;
}

function transpose(a: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) out[c * k + r] = a[r * k + c] as number;
  return out;
}

/** (W W^T)^(-1/2) W for a k x k matrix. */
function decorrelate(w: Float64Array, k: number): Float64Array {
  const { values, vectors } = symmetricEigen(timesTransposed(w, k, w, k, k), k);
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
  return timesTransposed(inverseRoot, k, transpose(w, k), k, k);
}
