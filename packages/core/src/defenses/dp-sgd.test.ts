import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { Classifier } from "../models/classifier.js";
import "../register-builtins.js";
import { gaussianBlobsDataset } from "../datasets/gaussian-blobs.js";
import { deriveSeed } from "../random/seeded-random.js";
import { calibrateNoise } from "./builtins/dp-sgd.js";
import { epsilonFromRdp, sampledGaussianRdp } from "./privacy/sampled-gaussian-rdp.js";
import { trainDefended } from "./train-defended.js";

describe("sampled Gaussian RDP accountant", () => {
  it("matches dp_accounting's reference RDP (q 0.01, sigma 2.5, 50 steps) at integer orders", () => {
    // google/differential-privacy, dp_accounting rdp_privacy_accountant_test.py,
    // test_compute_rdp_poisson_sampled_gaussian: orders 5, 50, 100.
    const rdp = sampledGaussianRdp(0.01, 2.5, 50, [5, 50, 100]);
    [2.18075656e-3, 2.38460375e-2, 1.67416308e2].forEach((expected, i) => {
      expect(Math.abs((rdp[i] as number) / expected - 1)).toBeLessThan(1e-4);
    });
  });

  it("gives the plain Gaussian's alpha / (2 sigma^2) without sampling, and 0 with nothing sampled", () => {
    expect([...sampledGaussianRdp(1, 2, 3, [2, 7])]).toEqual([3 * (2 / 8), 3 * (7 / 8)]);
    expect([...sampledGaussianRdp(0, 2, 3, [2])]).toEqual([0]);
  });

  it("converts RDP to (epsilon, delta) as dp_accounting does (constant RDP 1.1, orders 2..32, delta 1e-5)", () => {
    // Same test file, test_compute_epsilon_delta_pure_dp: epsilon 1.32783806176 at order 32.
    const orders = Array.from({ length: 31 }, (_, i) => i + 2);
    const { epsilon, order } = epsilonFromRdp(
      orders.map(() => 1.1),
      1e-5,
      orders,
    );
    expect(epsilon).toBeCloseTo(1.32783806176, 9);
    expect(order).toBe(32);
  });

  it("calibrates the smallest noise multiplier within a budget", () => {
    const sigma = calibrateNoise(256 / 60000, 14063, 3, 1e-5);
    const spent = (s: number) => epsilonFromRdp(sampledGaussianRdp(256 / 60000, s, 14063), 1e-5).epsilon;
    expect(spent(sigma)).toBeLessThanOrEqual(3);
    expect(spent(sigma * 0.99)).toBeGreaterThan(3);
  });
});

/** Euclidean distance between two lists of weight arrays. */
function distanceBetween(a: ArrayLike<number>[], b: ArrayLike<number>[]): number {
  let sum = 0;
  a.forEach((w, k) => {
    for (let j = 0; j < w.length; j++) sum += ((w[j] as number) - ((b[k] as ArrayLike<number>)[j] as number)) ** 2;
  });
  return Math.sqrt(sum);
}

describe("dp-sgd", () => {
  const blobs = gaussianBlobsDataset({ examples: 40, features: 5, classes: 2, separation: 4, seed: 1 });
  const n = blobs.labels.length;
  const oneStep = { epochs: 1, batchSize: n, optimizer: { name: "sgd", lr: 0.5, momentum: 0 } };
  const trained = (params: Record<string, unknown>, data = blobs, config: unknown = oneStep) => {
    const p = trainDefended(
      { name: "dp-sgd", ...params },
      { train: data, model: { name: "logistic-regression" }, trainConfig: config, seed: 3 },
    );
    return p;
  };
  const weightsOf = (p: ReturnType<typeof trained>) =>
    (p.model as Classifier).model.getWeights().map((w) => w.dataSync().slice() as Float32Array);
  const trainedWeights = (params: Record<string, unknown>, data = blobs, config: unknown = oneStep) => {
    const p = trained(params, data, config);
    const w = weightsOf(p);
    p.dispose();
    return w;
  };
  const initial2000 = () =>
    Classifier.create("logistic-regression", { inputShape: [2000], classes: 2, seed: deriveSeed(3, "dp-sgd-init") });
  const initial = () =>
    Classifier.create("logistic-regression", { inputShape: [5], classes: 2, seed: deriveSeed(3, "dp-sgd-init") });

  it("takes one step of lr x (sum of clipped per-example gradients) / n when every example is sampled and there is no noise", () => {
    const clip = 0.05;
    const start = initial();
    const before = start.model.getWeights().map((w) => w.dataSync().slice());
    const grads = start.perExampleGradients(tf.tensor(blobs.x, [n, 5]), tf.tensor1d(blobs.labels, "int32"));
    const norms = tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(tf.reshape(g, [n, -1])), 1)))).dataSync();
    expect(Math.min(...norms)).toBeGreaterThan(clip);
    const expected = grads.map((g, k) => {
      const flat = tf.reshape(g, [n, -1]).arraySync() as number[][];
      return (before[k] as Float32Array).map(
        (w, j) => w - (0.5 * flat.reduce((s, row, i) => s + (row[j] as number) * (clip / (norms[i] as number)), 0)) / n,
      );
    });
    // With batchSize = n the sampling rate is 1: one full-batch step.
    const p = trained({ clipNorm: clip, noiseMultiplier: 0 });
    expect(p.diagnostics?.steps).toBe(1);
    expect(p.diagnostics?.clippedShare).toBe(1);
    const after = weightsOf(p);
    expect(distanceBetween(after, expected)).toBeLessThan(1e-5);
    expect(distanceBetween(after, before)).toBeGreaterThan(1e-3);
    p.dispose();
    start.dispose();
    tf.dispose(grads);
  });

  it("adds Gaussian noise of sd sigma C per coordinate, scaled by the expected batch size", () => {
    const wide = gaussianBlobsDataset({ examples: 20, features: 2000, classes: 2, separation: 1, seed: 2 });
    const start = initial2000();
    const before = start.model.getWeights()[0]?.dataSync() as Float32Array;
    // A clip norm of 1e-9 removes the data's contribution: what moves the weights is noise.
    const after = trainedWeights({ clipNorm: 1e-9, noiseMultiplier: 1e9 }, wide, {
      ...oneStep,
      batchSize: 20,
    })[0] as Float32Array;
    const deltas = after.map((v, j) => v - (before[j] as number));
    const sd = Math.sqrt(deltas.reduce((s, d) => s + d * d, 0) / deltas.length);
    // lr x sigma x C / (q n) = 0.5 x 1e9 x 1e-9 / 20.
    expect(sd / (0.5 / 20)).toBeGreaterThan(0.95);
    expect(sd / (0.5 / 20)).toBeLessThan(1.05);
    start.dispose();
  });

  it("bounds one example's influence: swapping in an extreme outlier moves the noiseless weights by at most steps x lr x 2C / (q n)", () => {
    const outlier = { ...blobs, x: Float32Array.from(blobs.x), labels: Int32Array.from(blobs.labels) };
    // Example 1 (Poisson-sampled twice under this seed) becomes a far, mislabelled point.
    outlier.x.fill(1000, 5, 10);
    outlier.labels[1] = 1 - (outlier.labels[1] as number);
    const config = { epochs: 3, batchSize: 10, optimizer: { name: "sgd", lr: 0.5, momentum: 0 } };
    const a = trainedWeights({ clipNorm: 1, noiseMultiplier: 0 }, blobs, config);
    const b = trainedWeights({ clipNorm: 1, noiseMultiplier: 0 }, outlier, config);
    const distance = distanceBetween(a, b);
    const steps = Math.round(3 / (10 / n));
    expect(distance).toBeGreaterThan(0);
    expect(distance).toBeLessThanOrEqual((steps * 0.5 * 2 * 1) / 10 + 1e-5);
    // Plain SGD on the same data is moved far more by the outlier.
    const plain = (data: typeof blobs) => {
      const m = initial();
      m.fit(data, config, { seed: 3 });
      const w = m.model.getWeights().map((t) => t.dataSync().slice());
      m.dispose();
      return w;
    };
    const [pa, pb] = [plain(blobs), plain(outlier)];
    const plainDistance = distanceBetween(pa, pb);
    expect(plainDistance).toBeGreaterThan(10 * distance);
  });

  it("reports the epsilon spent, and refuses noiseMultiplier with epsilon", () => {
    const p = trained({ noiseMultiplier: 1.1 }, blobs, {
      epochs: 2,
      batchSize: 10,
      optimizer: { name: "sgd", lr: 0.1, momentum: 0 },
    });
    const q = 10 / n;
    expect(p.diagnostics?.epsilon).toBeCloseTo(epsilonFromRdp(sampledGaussianRdp(q, 1.1, 8), 1e-5).epsilon, 12);
    p.dispose();
    expect(() => trained({ noiseMultiplier: 1, epsilon: 2 })).toThrow(
      "defense: give noiseMultiplier or epsilon, not both (noiseMultiplier 1, epsilon 2)",
    );
  });
});
