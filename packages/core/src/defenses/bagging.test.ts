import { describe, expect, it } from "vitest";
import { gaussianBlobsDataset } from "../datasets/gaussian-blobs.js";
import "../register-builtins.js";
import { clopperPearson } from "./analysis/clopper-pearson.js";
import { baggingCertify, baggingRadius } from "./certificates/bagging-certificate.js";
import { trainDefended } from "./train-defended.js";

/** The largest r for which the condition holds at every integer n' in [n, n + r], by brute force. */
function bruteForceRadius(pA: number, pB: number, k: number, n: number): number {
  const holds = (r: number) => {
    for (let nPrime = n; nPrime <= n + r; nPrime++)
      if ((nPrime / n) ** k - 2 * ((nPrime - r) / n) ** k + 1 - pA + pB >= 0) return false;
    return true;
  };
  if (!holds(0)) return -1;
  let r = 0;
  while (holds(r + 1)) r++;
  return r;
}

describe("Clopper-Pearson intervals", () => {
  it("match R's binom.test: 90 of 100 at 95% is [0.8237774, 0.9509953]", () => {
    const { lower, upper } = clopperPearson(90, 100, 0.05);
    expect(lower).toBeCloseTo(0.8237774, 6);
    expect(upper).toBeCloseTo(0.9509953, 6);
    expect(clopperPearson(0, 10, 0.05).lower).toBe(0);
    expect(clopperPearson(10, 10, 0.05).upper).toBe(1);
  });
});

describe("the bagging certificate", () => {
  it("agrees with a brute-force search over every poisoned-set size", () => {
    for (const [pA, pB, k, n] of [
      [0.9, 0.1, 10, 1000],
      [0.75, 0.2, 30, 5000],
      [0.6, 0.35, 5, 200],
      [0.99, 0.01, 50, 13007],
    ] as const) {
      expect(baggingRadius(pA, pB, k, n)).toBe(bruteForceRadius(pA, pB, k, n));
    }
    expect(baggingRadius(0.4, 0.5, 10, 100)).toBe(-1);
  });

  it("certifies from hand-counted votes", () => {
    // 100 models, 2 labels, one test point: 90 votes for label 1. At alpha 0.05 the Bonferroni
    // level per label is 0.05; Clopper-Pearson gives p_A >= 0.8237774 and p_B <= 1 - 0.8237774 (clipped).
    const { predictions, radii } = baggingCertify(Int32Array.of(10, 90), 2, 10, 1000, 0.05);
    expect([...predictions]).toEqual([1]);
    const pA = clopperPearson(90, 100, 0.05).lower;
    const pB = Math.min(clopperPearson(10, 100, 0.05).upper, 1 - pA);
    expect(radii[0]).toBe(bruteForceRadius(pA, pB, 10, 1000));
    expect(radii[0]).toBeGreaterThan(0);
  });

  it("trains N base models on bootstrap samples and certifies well-separated data", () => {
    const all = gaussianBlobsDataset({ examples: 700, features: 4, classes: 2, separation: 5, seed: 3 });
    const train = { ...all, x: all.x.slice(0, 500 * 4), labels: all.labels.slice(0, 500) };
    const test = { ...all, x: all.x.slice(500 * 4), labels: all.labels.slice(500) };
    const predictor = trainDefended(
      { name: "bagging", models: 30, sampleSize: 20 },
      {
        train,
        model: { name: "logistic-regression" },
        trainConfig: { epochs: 20, batchSize: 20, optimizer: { name: "sgd", lr: 0.1, momentum: 0.9 } },
        seed: 1,
      },
    );
    const { predictions, radii } = predictor.certify?.(test) ?? {
      predictions: new Int32Array(),
      radii: new Int32Array(),
    };
    expect(predictor.trainingPasses).toBeCloseTo((30 * 20) / 500, 12);
    predictor.dispose();
    const accuracy = predictions.filter((p, i) => p === test.labels[i]).length / 200;
    expect(accuracy).toBeGreaterThan(0.9);
    // Unanimous votes of 30 at alpha 0.001 over 200 points certify a positive radius.
    expect(radii.filter((r) => r > 0).length).toBeGreaterThan(100);
  });
});
