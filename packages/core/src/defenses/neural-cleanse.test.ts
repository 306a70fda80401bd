import { describe, expect, it } from "vitest";
import type { Dataset } from "../datasets/dataset.js";
import { Classifier } from "../models/classifier.js";
import "../register-builtins.js";
import { SeededRandom } from "../random/seeded-random.js";
import { lineImages } from "../testing/line-images.js";
import { anomalyIndices, MAD_CONSISTENCY, median } from "./analysis/median-absolute-deviation.js";
import { stampTrigger } from "./analysis/trigger-reverse-engineering.js";
import { repairModel } from "./repair-model.js";

describe("median absolute deviation", () => {
  it("scores by |v - median| / (1.4826 MAD)", () => {
    // median 3; deviations 2, 1, 0, 1, 97 -> MAD 1.
    const { median: m, mad, indices } = anomalyIndices([1, 2, 3, 4, 100]);
    expect([m, mad]).toEqual([3, 1]);
    expect([...indices]).toEqual([2, 1, 0, 1, 97].map((d) => d / MAD_CONSISTENCY));
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("gives 0 to values at the median and Infinity to the rest when the MAD is 0", () => {
    expect([...anomalyIndices([5, 5, 5, 1]).indices]).toEqual([0, 0, 0, Number.POSITIVE_INFINITY]);
  });
});

describe("stampTrigger", () => {
  it("computes (1 - m) x + m p with the mask broadcast over channels", () => {
    // One 1x2 image with 2 channels: pixel 0 fully masked, pixel 1 half.
    const out = stampTrigger(Float32Array.from([0.2, 0.4, 0.6, 0.8]), [1, 2, 2], {
      mask: Float32Array.from([1, 0.5]),
      pattern: Float32Array.from([1, 0, 0, 1]),
    });
    expect([...out].map((v) => Number(v.toFixed(6)))).toEqual([1, 0, 0.3, 0.9]);
  });
});

/** 8x8 column images (4 classes); a quarter of the other classes carry a bright bottom-right pixel and label 0. */
function backdoored(examples: number, seed: number, triggerShare: number): Dataset {
  const data = lineImages({ examples, size: 8, orientation: "column", brightness: 0.8, classes: 4, seed });
  const r = new SeededRandom(seed + 100);
  const x = Float32Array.from(data.x);
  const labels = Int32Array.from(data.labels);
  labels.forEach((label, i) => {
    if (label !== 0 && r.float() < triggerShare) {
      x[i * 64 + 63] = 1;
      labels[i] = 0;
    }
  });
  return { ...data, x, labels };
}

describe("Neural Cleanse", () => {
  const model = Classifier.create({ name: "mlp", hidden: [16] }, { inputShape: [8, 8, 1], classes: 4, seed: 1 });
  model.fit(backdoored(400, 1, 0.3), { epochs: 30, batchSize: 32, optimizer: { name: "adam", lr: 0.01 } }, { seed: 1 });
  const holdout = lineImages({ examples: 200, size: 8, orientation: "column", brightness: 0.8, classes: 4, seed: 2 });
  const triggered = backdoored(200, 3, 1);
  const asr = (m: Classifier) => {
    const others = [...triggered.labels.keys()].filter((i) => holdout.labels[i] !== 0);
    const predicted = m.predict(triggered);
    return others.filter((i) => predicted[i] === 0).length / others.length;
  };

  it("finds the one-pixel trigger: label 0's mask is the smallest, its anomaly index > 2, and unlearning removes the backdoor", () => {
    const before = asr(model);
    const { model: repaired, diagnostics = {} } = repairModel(
      {
        name: "neural-cleanse",
        searchImages: 200,
        batchSize: 50,
        maxEpochs: 80,
        fineTune: { epochs: 10, batchSize: 32, optimizer: { name: "adam", lr: 0.01 } },
      },
      { model, holdout, seed: 1 },
    );
    const norms = [0, 1, 2, 3].map((label) => diagnostics[`maskNorm.${label}`] as number);
    console.log("neural cleanse (unit):", JSON.stringify(diagnostics), `ASR ${before} -> ${asr(repaired)}`);
    expect(before).toBeGreaterThan(0.9);
    expect(diagnostics.flaggedLabel).toBe(0);
    expect(norms[0]).toBe(Math.min(...norms));
    expect(diagnostics.anomalyIndex).toBeGreaterThan(2);
    expect(asr(repaired)).toBeLessThan(0.2);
    expect(repaired.accuracy(holdout)).toBeGreaterThan(0.9);
    repaired.dispose();
  });

  it("refuses tabular data, naming the dataset", () => {
    const tabular = { ...holdout, name: "blobs", domain: { kind: "tabular" as const, featureNames: [] } };
    expect(() => repairModel("neural-cleanse", { model, holdout: tabular, seed: 1 })).toThrow(
      "defense: neural-cleanse searches for an image trigger (mask x pattern); blobs is tabular",
    );
  });
});
