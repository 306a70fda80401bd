import { describe, expect, it } from "vitest";
import type { Dataset } from "../datasets/dataset.js";
import { gaussianBlobsDataset } from "../datasets/gaussian-blobs.js";
import { certifiedAccuracy } from "../metrics/certified-metrics.js";
import "../register-builtins.js";
import { hashPartitions } from "./builtins/deep-partition-aggregation.js";
import { plurality } from "./certificates/vote-certificates.js";
import { trainDefended } from "./train-defended.js";

describe("the partition-aggregation certificate", () => {
  it("matches hand-computed vote counts", () => {
    // Three test points, 7 voters, 3 classes.
    // Point 0: votes 5 x class 1, 2 x class 0: c = 1; runner-up 0 + [0 < 1] = 3; floor((5 - 3) / 2) = 1.
    // Point 1: votes 3 x class 0, 3 x class 2, 1 x class 1: tie goes to 0; runner-up max(1, 3) = 3; floor(0 / 2) = 0.
    // Point 2: votes 7 x class 2: runner-up max(0 + 1, 0 + 1) = 1; floor((7 - 1) / 2) = 3.
    const voters = [
      [1, 0, 2],
      [1, 0, 2],
      [1, 0, 2],
      [1, 2, 2],
      [1, 2, 2],
      [0, 2, 2],
      [0, 1, 2],
    ].map((v) => Int32Array.from(v));
    const { predictions, radii } = plurality(voters, 3);
    expect([...predictions]).toEqual([1, 0, 2]);
    expect([...radii]).toEqual([1, 0, 3]);
    expect(certifiedAccuracy(predictions, radii, Int32Array.of(1, 0, 1), [0, 1, 2])).toEqual([
      { radius: 0, accuracy: 2 / 3 },
      { radius: 1, accuracy: 1 / 3 },
      { radius: 2, accuracy: 0 },
    ]);
  });

  it("partitions by content: the same examples land in the same partitions in any order", () => {
    const x = Float32Array.from({ length: 40 * 3 }, (_, k) => Math.sin(k));
    const reversed = new Float32Array(x.length);
    for (let i = 0; i < 40; i++) reversed.set(x.subarray(i * 3, i * 3 + 3), (39 - i) * 3);
    const a = hashPartitions(x, 3, 4);
    const b = hashPartitions(reversed, 3, 4);
    expect(a.map((m) => m.map((i) => 39 - i).sort((p, q) => p - q))).toEqual(
      b.map((m) => [...m].sort((p, q) => p - q)),
    );
    expect(a.flat().length).toBe(40);
  });
});

describe("deep partition aggregation", () => {
  const all = gaussianBlobsDataset({ examples: 900, features: 4, classes: 3, separation: 4, seed: 2 });
  const part = (from: number, to: number): Dataset => ({
    ...all,
    x: all.x.slice(from * 4, to * 4),
    labels: all.labels.slice(from, to),
  });
  const [train, test] = [part(0, 600), part(600, 900)];

  it("votes k base models and certifies radii consistent with the votes", () => {
    const predictor = trainDefended(
      { name: "deep-partition-aggregation", partitions: 9 },
      {
        train,
        model: { name: "logistic-regression" },
        trainConfig: { epochs: 30, batchSize: 32, optimizer: { name: "sgd", lr: 0.1, momentum: 0.9 } },
        seed: 1,
      },
    );
    const { predictions, radii } = predictor.certify?.(test) ?? {
      predictions: new Int32Array(),
      radii: new Int32Array(),
    };
    predictor.dispose();
    const accuracy = predictions.filter((p, i) => p === test.labels[i]).length / test.labels.length;
    expect(accuracy).toBeGreaterThan(0.9);
    // With 9 voters the largest certificate is floor((9 - 1) / 2) = 4 (unanimous, runner-up + 1 for a smaller label).
    expect(Math.max(...radii)).toBeLessThanOrEqual(4);
    expect(radii.filter((r) => r === 4).length).toBeGreaterThan(0.8 * test.labels.length);
    const curve = certifiedAccuracy(predictions, radii, test.labels, [0, 2, 4, 5]);
    expect(curve[0]?.accuracy).toBeCloseTo(accuracy, 12);
    expect(curve[3]?.accuracy).toBe(0);
  });

  it("names an empty partition", () => {
    expect(() =>
      trainDefended(
        { name: "deep-partition-aggregation", partitions: 5000 },
        { train, model: { name: "logistic-regression" }, trainConfig: {}, seed: 1 },
      ),
    ).toThrow("defense.partitions: 5000 partitions of 600 examples leave partition");
  });
});
