/**
 * A linear classifier fitted to optimality (Newton-CG in float64, plain JS) with a smooth loss,
 * for the attacks that differentiate through training (Biggio et al. 2012; Demontis et al. 2019).
 * Fitting exactly, not by SGD, is what makes the implicit gradient of the optimum valid, and
 * float64 plain JS makes the poison identical on every backend.
 *
 * Weights are K rows of d + 1 (the last column is the bias, which is not regularized). The loss
 * of logits z for label y is tau * CE((z + margin * [j != y]) / tau, y):
 * - tau 1, margin 0: logistic regression's cross-entropy;
 * - margin 1, small tau: a smooth upper bound of the Crammer-Singer hinge that tends to it as
 *   tau -> 0, so its curvature sits on the margin support vectors, as in Biggio's derivation.
 */
import type { LabeledArrays } from "../datasets/labeled-arrays.js";

export interface SmoothLoss {
  tau: number;
  margin: number;
}

export interface LinearData {
  x: Float32Array;
  labels: Int32Array;
  /** Features per example. */
  d: number;
  classes: number;
}

export function linearData(data: LabeledArrays): LinearData {
  return { x: data.x, labels: data.labels, d: data.x.length / data.labels.length, classes: data.classes };
}

/** Logits of example i under weights w (K x (d+1)), into `out`. */
export function logitsOf(w: Float64Array, data: LinearData, i: number, out: Float64Array): void {
  const { x, d, classes } = data;
  const row = i * d;
  for (let k = 0; k < classes; k++) {
    const base = k * (d + 1);
    let z = w[base + d] as number;
    for (let j = 0; j < d; j++) z += (w[base + j] as number) * (x[row + j] as number);
    out[k] = z;
  }
}

/**
 * The loss of one example from its logits; writes p (the softmax of the shifted, scaled logits)
 * into `p`. The gradient with respect to the logits is p - e_y, the Hessian (diag p - p p^T) / tau.
 */
export function exampleLoss(z: Float64Array, label: number, loss: SmoothLoss, p: Float64Array): number {
  const K = z.length;
  let max = -Infinity;
  for (let k = 0; k < K; k++) {
    const u = ((z[k] as number) + (k === label ? 0 : loss.margin)) / loss.tau;
    p[k] = u;
    if (u > max) max = u;
  }
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp((p[k] as number) - max);
    p[k] = e;
    sum += e;
  }
  const uLabel = ((z[label] as number) + 0) / loss.tau;
  for (let k = 0; k < K; k++) p[k] = (p[k] as number) / sum;
  return loss.tau * (max + Math.log(sum) - uLabel);
}

/** Mean loss over the data (no regularizer) and, if `grad` is given, its gradient into it. */
export function meanLossAndGradient(w: Float64Array, data: LinearData, loss: SmoothLoss, grad?: Float64Array): number {
  const { x, labels, d, classes } = data;
  const n = labels.length;
  const z = new Float64Array(classes);
  const p = new Float64Array(classes);
  grad?.fill(0);
  let total = 0;
  for (let i = 0; i < n; i++) {
    logitsOf(w, data, i, z);
    const y = labels[i] as number;
    total += exampleLoss(z, y, loss, p);
    if (!grad) continue;
    for (let k = 0; k < classes; k++) {
      const g = ((p[k] as number) - (k === y ? 1 : 0)) / n;
      if (g === 0) continue;
      const base = k * (d + 1);
      for (let j = 0; j < d; j++) grad[base + j] = (grad[base + j] as number) + g * (x[i * d + j] as number);
      grad[base + d] = (grad[base + d] as number) + g;
    }
  }
  return total / n;
}

/** The regularized training objective: mean loss + (lambda / 2) ||W||^2, bias excluded. */
export function objective(
  w: Float64Array,
  data: LinearData,
  loss: SmoothLoss,
  lambda: number,
  grad?: Float64Array,
): number {
  const { d, classes } = data;
  let value = meanLossAndGradient(w, data, loss, grad);
  for (let k = 0; k < classes; k++) {
    for (let j = 0; j < d; j++) {
      const wj = w[k * (d + 1) + j] as number;
      value += 0.5 * lambda * wj * wj;
      if (grad) grad[k * (d + 1) + j] = (grad[k * (d + 1) + j] as number) + lambda * wj;
    }
  }
  return value;
}

/**
 * The softmax p of every example at w (n x K): all the Hessian needs from w, computed once per
 * Newton step rather than once per conjugate-gradient iteration.
 */
export function curvatureAt(w: Float64Array, data: LinearData, loss: SmoothLoss): Float64Array {
  const { labels, classes } = data;
  const n = labels.length;
  const z = new Float64Array(classes);
  const p = new Float64Array(classes);
  const all = new Float64Array(n * classes);
  for (let i = 0; i < n; i++) {
    logitsOf(w, data, i, z);
    exampleLoss(z, labels[i] as number, loss, p);
    all.set(p, i * classes);
  }
  return all;
}

/**
 * The Hessian of the training objective at the point whose curvature is `P` (from curvatureAt),
 * applied to v. A small damping keeps conjugate gradients well posed when lambda is 0.
 */
export function hessianVectorProduct(
  P: Float64Array,
  v: Float64Array,
  data: LinearData,
  loss: SmoothLoss,
  lambda: number,
  out: Float64Array,
): void {
  const { x, labels, d, classes } = data;
  const n = labels.length;
  const a = new Float64Array(classes);
  out.fill(0);
  for (let i = 0; i < n; i++) {
    logitsOf(v, data, i, a);
    let pa = 0;
    for (let k = 0; k < classes; k++) pa += (P[i * classes + k] as number) * (a[k] as number);
    for (let k = 0; k < classes; k++) {
      const h = ((P[i * classes + k] as number) * ((a[k] as number) - pa)) / loss.tau / n;
      if (h === 0) continue;
      const base = k * (d + 1);
      for (let j = 0; j < d; j++) out[base + j] = (out[base + j] as number) + h * (x[i * d + j] as number);
      out[base + d] = (out[base + d] as number) + h;
    }
  }
  const damping = 1e-8;
  for (let k = 0; k < classes; k++) {
    for (let j = 0; j <= d; j++) {
      const idx = k * (d + 1) + j;
      out[idx] = (out[idx] as number) + (j < d ? lambda : 0) * (v[idx] as number) + damping * (v[idx] as number);
    }
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** Solves A s = b by conjugate gradients, A symmetric positive definite given as a product. */
export function conjugateGradient(
  apply: (v: Float64Array, out: Float64Array) => void,
  b: Float64Array,
  { maxIterations = 200, tolerance = 1e-10 } = {},
): Float64Array {
  const s = new Float64Array(b.length);
  const r = Float64Array.from(b);
  const q = Float64Array.from(b);
  const Aq = new Float64Array(b.length);
  let rr = dot(r, r);
  const stop = tolerance * Math.max(rr, Number.MIN_VALUE);
  for (let it = 0; it < maxIterations && rr > stop; it++) {
    apply(q, Aq);
    const alpha = rr / dot(q, Aq);
    for (let i = 0; i < s.length; i++) {
      s[i] = (s[i] as number) + alpha * (q[i] as number);
      r[i] = (r[i] as number) - alpha * (Aq[i] as number);
    }
    const next = dot(r, r);
    const beta = next / rr;
    rr = next;
    for (let i = 0; i < q.length; i++) q[i] = (r[i] as number) + beta * (q[i] as number);
  }
  return s;
}

/**
 * Minimizes the training objective by Newton-CG with Armijo backtracking, from `init` (a warm
 * start, when the data moved only a little) or from zero.
 */
export function fitLinear(
  data: LinearData,
  loss: SmoothLoss,
  lambda: number,
  init?: Float64Array,
  { maxIterations = 50, gradientTolerance = 1e-7 } = {},
): Float64Array {
  const size = data.classes * (data.d + 1);
  const w = init ? Float64Array.from(init) : new Float64Array(size);
  const grad = new Float64Array(size);
  const trial = new Float64Array(size);
  let value = objective(w, data, loss, lambda, grad);
  for (let it = 0; it < maxIterations; it++) {
    const gg = dot(grad, grad);
    if (Math.sqrt(gg) < gradientTolerance) break;
    const minusGrad = grad.map((g) => -g);
    const P = curvatureAt(w, data, loss);
    const step = conjugateGradient((v, out) => hessianVectorProduct(P, v, data, loss, lambda, out), minusGrad, {
      maxIterations: 100,
      tolerance: 1e-6,
    });
    const slope = dot(grad, step);
    let t = 1;
    let accepted = false;
    for (let halvings = 0; halvings < 40; halvings++) {
      for (let i = 0; i < size; i++) trial[i] = (w[i] as number) + t * (step[i] as number);
      const next = objective(trial, data, loss, lambda);
      if (next <= value + 1e-4 * t * slope) {
        w.set(trial);
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) break;
    value = objective(w, data, loss, lambda, grad);
  }
  return w;
}

/** The share of examples whose largest logit under w is their label. */
export function linearAccuracy(w: Float64Array, data: LinearData): number {
  const z = new Float64Array(data.classes);
  let correct = 0;
  for (let i = 0; i < data.labels.length; i++) {
    logitsOf(w, data, i, z);
    let best = 0;
    for (let k = 1; k < data.classes; k++) if ((z[k] as number) > (z[best] as number)) best = k;
    if (best === data.labels[i]) correct++;
  }
  return correct / data.labels.length;
}
