/**
 * Sanitizing defenses on data where the answer is known: planted poisons in a feature space the
 * test controls (a stand-in for the poisoned model's penultimate layer), and the controls.
 */
import { describe, expect, it } from "vitest";
import { poisonDataset } from "../attacks/poison-dataset.js";
import type { Dataset } from "../datasets/dataset.js";
import { gaussianBlobsDataset } from "../datasets/gaussian-blobs.js";
import { detectionMetrics } from "../metrics/detection-metrics.js";
import { Classifier } from "../models/classifier.js";
import { SeededRandom } from "../random/seeded-random.js";
import "../register-builtins.js";
import { models } from "../models/model-registry.js";
import { defenses } from "./defense-registry.js";
import { checkDefenseFits, resolveDefense } from "./resolve-defense.js";
import { sanitizeDataset } from "./sanitize-dataset.js";

/**
 * Two labels of Gaussian features in `dim` dimensions; label 0 also holds `poisons` examples
 * shifted by `shift` along one planted unit direction. The mask marks them.
 */
function planted(dim: number, clean: number, poisons: number, shift: number, seed: number) {
  const r = new SeededRandom(seed);
  const direction = Float64Array.from({ length: dim }, () => r.normal());
  const norm = Math.hypot(...direction);
  const n = 2 * clean + poisons;
  const features = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const poison = i >= 2 * clean;
    labels[i] = i < clean || poison ? 0 : 1;
    mask[i] = poison ? 1 : 0;
    for (let j = 0; j < dim; j++)
      features[i * dim + j] =
        r.normal() + (poison ? (shift * (direction[j] as number)) / norm : 0) + (labels[i] ? 3 : 0);
  }
  return { ...featureSpace(features, labels, dim), mask };
}

/**
 * A two-label tabular set of the given features, and a stand-in model whose "penultimate layer"
 * is that feature space itself, so a test plants exactly what the defense sees.
 */
function featureSpace(x: Float32Array, labels: Int32Array, dim: number): { train: Dataset; model: Classifier } {
  const train: Dataset = {
    name: "planted",
    split: "train",
    x,
    exampleShape: [dim],
    labels,
    classes: 2,
    classNames: ["a", "b"],
    domain: { kind: "tabular", featureNames: Array.from({ length: dim }, (_, j) => `f${j}`) },
    sources: [],
  };
  const model = { features: (data: Dataset) => ({ values: data.x, dim }) } as unknown as Classifier;
  return { train, model };
}

describe("spectral signatures", () => {
  it("finds at least 90% of poisons planted along one direction, removing 1.5 epsilon per label", () => {
    const { train, mask, model } = planted(20, 300, 30, 6, 1);
    const s = sanitizeDataset("spectral-signatures", { train, model, expectedPoisonRate: 0.1, seed: 1 });
    const m = detectionMetrics(s.scores, s.removed, mask);
    expect(m.recall).toBeGreaterThanOrEqual(0.9);
    expect(m.auroc).toBeGreaterThan(0.95);
    // 1.5 x 0.1 x 330 from label 0 and 1.5 x 0.1 x 300 from label 1.
    expect(s.removed.reduce((a, b) => a + b, 0)).toBe(50 + 45);
    expect(s.kept.labels.length).toBe(630 - 95);
  });

  it("asks for epsilon when the cell's rate is unknown", () => {
    const { train, model } = planted(5, 20, 2, 6, 2);
    expect(() => sanitizeDataset("spectral-signatures", { train, model, seed: 1 })).toThrow(
      "defense.epsilon: spectral signatures needs the expected poisoned fraction",
    );
  });
});

describe("kNN label sanitization", () => {
  it("restores labels flipped at random in well-separated clusters", () => {
    const clean = gaussianBlobsDataset({ examples: 600, features: 5, classes: 3, separation: 6, seed: 5 });
    const attacked = poisonDataset("label-flip", clean, { rate: 0.2, seed: 1 });
    const s = sanitizeDataset("knn-label-sanitization", { train: attacked.train, seed: 1 });
    const restored = [...attacked.mask.keys()].filter((i) => attacked.mask[i] && s.kept.labels[i] === clean.labels[i]);
    expect(restored.length).toBe(120);
    const broken = [...attacked.mask.keys()].filter((i) => !attacked.mask[i] && s.kept.labels[i] !== clean.labels[i]);
    // A clean example surrounded by a chance majority of same-label flips gets relabelled: 3 of 480 here.
    expect(broken.length).toBeLessThanOrEqual(5);
    const m = detectionMetrics(s.scores, s.flagged, attacked.mask);
    expect(m.recall).toBe(1);
    expect(m.precision).toBeGreaterThanOrEqual(0.97);
    expect(s.kept.labels.length).toBe(600);
  });
});

describe("sphere and slab outlier removal", () => {
  it("removes points planted far from their class centroid (sphere) and along the centroid gap (slab)", () => {
    const clean = gaussianBlobsDataset({ examples: 400, features: 4, classes: 2, separation: 4, seed: 6 });
    const poisoned = Float32Array.from(clean.x);
    const mask = new Uint8Array(400);
    // 20 label-0 points moved 12 units past their centroid, away from class 1 (along the gap).
    const mean = (label: number, j: number) => {
      let s = 0;
      let c = 0;
      for (let i = 0; i < 400; i++) {
        if (clean.labels[i] !== label) continue;
        s += clean.x[i * 4 + j] as number;
        c++;
      }
      return s / c;
    };
    const gap = [0, 1, 2, 3].map((j) => mean(0, j) - mean(1, j));
    const norm = Math.hypot(...gap);
    for (let i = 0, planted = 0; planted < 20; i++) {
      if (clean.labels[i] !== 0) continue;
      for (let j = 0; j < 4; j++)
        poisoned[i * 4 + j] = (poisoned[i * 4 + j] as number) + (12 * (gap[j] as number)) / norm;
      mask[i] = 1;
      planted++;
    }
    for (const shape of ["sphere", "slab"]) {
      const s = sanitizeDataset(
        { name: "sphere-slab", shape },
        { train: { ...clean, x: poisoned }, expectedPoisonRate: 0.1, seed: 1 },
      );
      const m = detectionMetrics(s.scores, s.removed, mask);
      expect(m.recall).toBe(1);
      expect(m.auroc).toBeGreaterThan(0.99);
      // 10% of each class: 20 + 20.
      expect(s.removed.reduce((a, b) => a + b, 0)).toBe(40);
    }
  });
});

describe("TRIM", () => {
  it("trims randomly flipped labels by retraining on the lowest-loss examples", () => {
    const clean = gaussianBlobsDataset({ examples: 300, features: 4, classes: 2, separation: 3, seed: 7 });
    const attacked = poisonDataset("label-flip", clean, { rate: 0.1, seed: 2 });
    const retrain = (data: Dataset) => {
      const m = Classifier.create("logistic-regression", { inputShape: [4], classes: 2, seed: 1 });
      m.fit(data, { epochs: 20, batchSize: 32, optimizer: { name: "sgd", lr: 0.1, momentum: 0.9 } }, { seed: 1 });
      return m;
    };
    const s = sanitizeDataset("trim", { train: attacked.train, retrain, expectedPoisonRate: 0.1, seed: 1 });
    const m = detectionMetrics(s.scores, s.removed, attacked.mask);
    expect(s.removed.reduce((a, b) => a + b, 0)).toBe(30);
    expect(m.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.diagnostics?.rounds).toBeLessThanOrEqual(10);
  });
});

describe("RONI", () => {
  it("rejects far mislabelled points, whose addition to small samples costs validation accuracy, and keeps the clean ones", () => {
    const clean = gaussianBlobsDataset({ examples: 300, features: 2, classes: 2, separation: 3, seed: 7 });
    // 15 poisons: label 1, placed far out beyond label 0's blob, where they drag the boundary.
    const poisons = 15;
    const x = new Float32Array((300 + poisons) * 2);
    x.set(clean.x);
    const labels = new Int32Array(300 + poisons);
    labels.set(clean.labels);
    const mean0 = [0, 1].map((j) => {
      const rows = [...clean.labels.keys()].filter((i) => clean.labels[i] === 0);
      return rows.reduce((s, i) => s + (clean.x[2 * i + j] as number), 0) / rows.length;
    });
    const mean1 = [0, 1].map((j) => {
      const rows = [...clean.labels.keys()].filter((i) => clean.labels[i] === 1);
      return rows.reduce((s, i) => s + (clean.x[2 * i + j] as number), 0) / rows.length;
    });
    for (let p = 0; p < poisons; p++) {
      for (let j = 0; j < 2; j++)
        x[2 * (300 + p) + j] = (mean0[j] as number) + 4 * ((mean0[j] as number) - (mean1[j] as number)) + 0.1 * p;
      labels[300 + p] = 1;
    }
    const mask = Uint8Array.from({ length: 300 + poisons }, (_, i) => (i >= 300 ? 1 : 0));
    const s = sanitizeDataset("roni", { train: { ...clean, x, labels }, seed: 1 });
    const m = detectionMetrics(s.scores, s.removed, mask);
    expect(m.recall).toBe(1);
    expect(m.fpr).toBeLessThanOrEqual(0.05);
    expect(m.auroc).toBeGreaterThan(0.95);
  });

  it("needs more examples than its samples draw", () => {
    const tiny = gaussianBlobsDataset({ examples: 100, features: 2, classes: 2, seed: 1 });
    expect(() => sanitizeDataset("roni", { train: tiny, seed: 1 })).toThrow(
      "defense: trainingSize 50 + validationSize 100 must be below the 100 training examples",
    );
  });
});

describe("activation clustering", () => {
  it("removes a planted cluster of poisons and leaves the unimodal label alone", () => {
    const { train, mask, model } = planted(30, 300, 60, 8, 3);
    const s = sanitizeDataset("activation-clustering", { train, model, seed: 1 });
    const m = detectionMetrics(s.scores, s.removed, mask);
    expect(m.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.diagnostics?.suspiciousLabels).toBe(1);
  });

  it("with criterion every-label, splits every label: the unimodal one loses its smaller cluster too", () => {
    const { train, mask, model } = planted(30, 300, 60, 8, 3);
    const s = sanitizeDataset({ name: "activation-clustering", criterion: "every-label" }, { train, model, seed: 1 });
    expect(s.diagnostics?.suspiciousLabels).toBe(train.classes);
    const m = detectionMetrics(s.scores, s.removed, mask);
    // Every poison is still caught; the clean label's smaller half is removed as well.
    expect(m.recall).toBe(1);
    expect(m.fpr).toBeGreaterThan(0.1);
  });
});

describe("activation clustering's cluster decisions when poisons are the majority of their label", () => {
  // Label 0: 100 clean points near centre A and 150 poisons near centre B, where label 1's 200
  // points live, but labelled 0. The stand-in model's features are the inputs themselves.
  const r = new SeededRandom(8);
  const dim = 12;
  const x = new Float32Array(450 * dim);
  const labels = new Int32Array(450);
  const mask = new Uint8Array(450);
  for (let i = 0; i < 450; i++) {
    const nearB = i >= 100;
    labels[i] = i < 250 ? 0 : 1;
    mask[i] = i >= 100 && i < 250 ? 1 : 0;
    for (let j = 0; j < dim; j++) x[i * dim + j] = r.normal() + (nearB ? 6 : 0) * (j === 0 ? 1 : 0);
  }
  const { train, model } = featureSpace(x, labels, dim);
  const run = (decide: string) =>
    sanitizeDataset(
      { name: "activation-clustering", reduction: "pca", criterion: "silhouette", decide },
      { train, model, seed: 1 },
    );

  it("removing the smaller cluster removes the clean examples", () => {
    const m = detectionMetrics(run("smaller-cluster").scores, run("smaller-cluster").flagged, mask);
    expect(m.recall).toBe(0);
  });

  it("the input-neighbour check removes the poisons, which look like the other label", () => {
    const s = run("input-neighbours");
    const m = detectionMetrics(s.scores, s.flagged, mask);
    expect(m.f1).toBeGreaterThanOrEqual(0.95);
  });
});

describe("the controls", () => {
  const r = new SeededRandom(4);
  const clean: Dataset = {
    name: "images",
    split: "train",
    x: Float32Array.from({ length: 100 * 16 }, () => r.float()),
    exampleShape: [4, 4, 1],
    labels: Int32Array.from({ length: 100 }, (_, i) => i % 2),
    classes: 2,
    classNames: ["a", "b"],
    domain: { kind: "image", min: 0, max: 1 },
    sources: [],
  };
  const poisoned = poisonDataset({ name: "badnets", trigger: { kind: "patch", size: 2 }, mode: "append" }, clean, {
    rate: 0.2,
    seed: 1,
  });

  it("perfect-filter removes exactly the poisons, giving back the clean training set", () => {
    const s = sanitizeDataset("perfect-filter", { train: poisoned.train, mask: poisoned.mask, seed: 1 });
    expect(s.kept.x).toEqual(clean.x);
    expect(s.kept.labels).toEqual(clean.labels);
    const m = detectionMetrics(s.scores, s.removed, poisoned.mask);
    expect([m.precision, m.recall, m.auroc]).toEqual([1, 1, 1]);
  });

  it("random-filter removes the count it is given, at random; none is the baseline, not a sanitizer", () => {
    const s = sanitizeDataset("random-filter", { train: poisoned.train, removalCount: 30, seed: 1 });
    expect(s.removed.reduce((a, b) => a + b, 0)).toBe(30);
    const again = sanitizeDataset("random-filter", { train: poisoned.train, removalCount: 30, seed: 1 });
    expect(again.removed).toEqual(s.removed);
    // `none` is the baseline kind: the runner measures the plain trained model; it sanitizes nothing.
    expect(defenses.get("none").kind).toBe("baseline");
    expect(() => sanitizeDataset("none", { train: poisoned.train, seed: 1 })).toThrow(
      "defense: none is a baseline defense, not a sanitize one",
    );
  });

  it("names what is missing", () => {
    expect(() => sanitizeDataset("perfect-filter", { train: poisoned.train, seed: 1 })).toThrow(
      "defense: perfect-filter needs the poison-mask, which was not given",
    );
    expect(() => sanitizeDataset("random-filter", { train: poisoned.train, seed: 1 })).toThrow(
      "defense: random-filter needs the removal-count",
    );
    expect(() => sanitizeDataset("spectral-signature", { train: poisoned.train, seed: 1 })).toThrow(
      'defense.name: unknown defense "spectral-signature"; did you mean "spectral-signatures"?',
    );
  });
});

describe("planning-time checks", () => {
  it("refuses a feature-based defense on a model without features, naming the pair", () => {
    const { plugin } = resolveDefense("activation-clustering", "grid.defense[2]");
    expect(() => checkDefenseFits(plugin, models.get("logistic-regression"), "grid.defense[2]")).toThrow(
      "grid.defense[2]: activation-clustering needs a model with features; logistic-regression has gradients, per-example-gradients",
    );
    expect(() => checkDefenseFits(plugin, models.get("badnets-cnn"))).not.toThrow();
  });

  it("names a bad parameter", () => {
    expect(() => resolveDefense({ name: "spectral-signatures", removeFactor: -1 })).toThrow("defense.removeFactor");
  });
});
