import { describe, expect, it } from "vitest";
import { validationLossGradients } from "../attacks/optimization/implicit-gradient.js";
import { gaussianBlobs } from "../datasets/gaussian-blobs.js";
import {
  curvatureAt,
  exampleLoss,
  fitLinear,
  hessianVectorProduct,
  type LinearData,
  meanLossAndGradient,
  objective,
  type SmoothLoss,
} from "./linear-learner.js";

const blobs = (seed: number, examples = 60): LinearData => {
  const b = gaussianBlobs({ examples, features: 5, classes: 3, separation: 1.5, seed });
  return { x: b.x, labels: b.labels, d: 5, classes: 3 };
};
const LOSSES: [string, SmoothLoss][] = [
  ["logistic", { tau: 1, margin: 0 }],
  ["smoothed hinge", { tau: 0.1, margin: 1 }],
];

describe("the smooth linear loss", () => {
  it("is softmax cross-entropy with tau 1 and margin 0", () => {
    const z = Float64Array.of(0.3, -1.2, 2);
    const p = new Float64Array(3);
    const expected = Math.log(Math.exp(0.3) + Math.exp(-1.2) + Math.exp(2)) - -1.2;
    expect(exampleLoss(z, 1, { tau: 1, margin: 0 }, p)).toBeCloseTo(expected, 12);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("tends to the Crammer-Singer hinge max(0, 1 + max_j z_j - z_y) as tau -> 0", () => {
    const z = Float64Array.of(0.3, -1.2, 2);
    const p = new Float64Array(3);
    expect(exampleLoss(z, 0, { tau: 1e-3, margin: 1 }, p)).toBeCloseTo(1 + 2 - 0.3, 3);
    expect(exampleLoss(z, 2, { tau: 1e-3, margin: 1 }, p)).toBeCloseTo(0, 3);
  });
});

describe.each(LOSSES)("the linear learner with the %s loss", (_, loss) => {
  const data = blobs(3);
  const lambda = 0.05;

  it("fits to a stationary point of the regularized objective", () => {
    const w = fitLinear(data, loss, lambda);
    const grad = new Float64Array(w.length);
    objective(w, data, loss, lambda, grad);
    expect(Math.hypot(...grad)).toBeLessThan(1e-6);
  });

  it("computes gradients and Hessian-vector products that match finite differences", () => {
    const w = fitLinear(data, loss, lambda).map((v, i) => v + 0.1 * Math.sin(i));
    const grad = new Float64Array(w.length);
    objective(w, data, loss, lambda, grad);
    const h = 1e-5;
    for (const i of [0, 4, 5, 11, 17]) {
      const plus = Float64Array.from(w);
      const minus = Float64Array.from(w);
      plus[i] = (plus[i] as number) + h;
      minus[i] = (minus[i] as number) - h;
      expect(grad[i]).toBeCloseTo(
        (objective(plus, data, loss, lambda) - objective(minus, data, loss, lambda)) / (2 * h),
        5,
      );
    }
    const v = w.map((_, i) => Math.cos(3 * i));
    const hv = new Float64Array(w.length);
    hessianVectorProduct(curvatureAt(w, data, loss), v, data, loss, lambda, hv);
    const gPlus = new Float64Array(w.length);
    const gMinus = new Float64Array(w.length);
    objective(
      w.map((wi, i) => wi + h * (v[i] as number)),
      data,
      loss,
      lambda,
      gPlus,
    );
    objective(
      w.map((wi, i) => wi - h * (v[i] as number)),
      data,
      loss,
      lambda,
      gMinus,
    );
    hv.forEach((value, i) => {
      expect(value).toBeCloseTo(((gPlus[i] as number) - (gMinus[i] as number)) / (2 * h), 4);
    });
  });

  it("gives the validation loss's gradient through retraining, as finite differences of refits measure it", () => {
    const train = blobs(5, 40);
    const validation = blobs(6, 60);
    const w = fitLinear(train, loss, lambda);
    const [gradient] = validationLossGradients(w, train, validation, loss, lambda, [7]);
    const valLossWith = (delta: number, feature: number) => {
      const x = Float32Array.from(train.x);
      x[7 * 5 + feature] = (x[7 * 5 + feature] as number) + delta;
      return meanLossAndGradient(fitLinear({ ...train, x }, loss, lambda, w), validation, loss);
    };
    const h = 1e-3;
    for (let feature = 0; feature < 5; feature++) {
      const measured = (valLossWith(h, feature) - valLossWith(-h, feature)) / (2 * h);
      expect(Math.abs((gradient?.[feature] as number) - measured)).toBeLessThan(0.01 * Math.abs(measured) + 1e-6);
    }
  });
});
