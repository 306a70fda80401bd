/**
 * The gradient of the attacker's validation loss with respect to a training point, through the
 * retrained linear model (Biggio, Nelson, Laskov 2012; Koh, Liang 2017). From the optimality of
 * w* for the training objective, dL/dx_c = -(1/n) d/dx_c [grad_w l(w*; x_c, y_c) . v] with
 * v = H^-1 grad_w L(w*). For logits z = W x + b this is
 *   -(1/n) (W^T H_z (V x_c + v_b) + V^T g(z_c)),
 * with g and H_z the loss's gradient and Hessian in the logits. One solve for v serves every point.
 */
import {
  conjugateGradient,
  curvatureAt,
  exampleLoss,
  hessianVectorProduct,
  type LinearData,
  logitsOf,
  meanLossAndGradient,
  type SmoothLoss,
} from "../../training/linear-learner.js";

/** dL_val/dx for each training example in `slots`, at the optimum w of `train`. */
export function validationLossGradients(
  w: Float64Array,
  train: LinearData,
  validation: LinearData,
  loss: SmoothLoss,
  lambda: number,
  slots: number[],
): Float64Array[] {
  const { d, classes, labels } = train;
  const n = labels.length;
  const gradVal = new Float64Array(classes * (d + 1));
  meanLossAndGradient(w, validation, loss, gradVal);
  const P = curvatureAt(w, train, loss);
  const v = conjugateGradient((q, out) => hessianVectorProduct(P, q, train, loss, lambda, out), gradVal, {
    maxIterations: 200,
    tolerance: 1e-8,
  });
  const z = new Float64Array(classes);
  const p = new Float64Array(classes);
  const a = new Float64Array(classes);
  return slots.map((slot) => {
    logitsOf(w, train, slot, z);
    const y = labels[slot] as number;
    exampleLoss(z, y, loss, p);
    logitsOf(v, train, slot, a);
    let pa = 0;
    for (let k = 0; k < classes; k++) pa += (p[k] as number) * (a[k] as number);
    const gradient = new Float64Array(d);
    for (let k = 0; k < classes; k++) {
      const h = ((p[k] as number) * ((a[k] as number) - pa)) / loss.tau;
      const g = (p[k] as number) - (k === y ? 1 : 0);
      const base = k * (d + 1);
      for (let j = 0; j < d; j++)
        gradient[j] = (gradient[j] as number) - (h * (w[base + j] as number) + g * (v[base + j] as number)) / n;
    }
    return gradient;
  });
}
