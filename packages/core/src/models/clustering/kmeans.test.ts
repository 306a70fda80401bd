import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../../backend/select-backend.js";
import type { Dataset } from "../../datasets/dataset.js";
import { trainDefended } from "../../defenses/train-defended.js";
import { SeededRandom } from "../../random/seeded-random.js";
import "../../register-builtins.js";
import { Classifier } from "../classifier.js";
import { loadClassifier, saveClassifier } from "../model-files.js";
import { labelClusters } from "./cluster-labels.js";
import { kMeans } from "./kmeans.js";

beforeAll(async () => {
  await selectBackend("cpu");
});

/** Two Gaussian blobs in 2-D at (0, 0) and (6, 6), labelled 0 and 1, with `flipped` labels wrong. */
function blobs(n: number, seed: number, flipped = 0): Dataset {
  const random = new SeededRandom(seed);
  const x = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    x[2 * i] = 6 * label + random.normal();
    x[2 * i + 1] = 6 * label + random.normal();
    labels[i] = i < flipped ? 1 - label : label;
  }
  return {
    name: "blobs",
    split: "train",
    classNames: ["a", "b"],
    domain: { kind: "tabular", featureNames: ["u", "v"] },
    sources: [],
    x,
    exampleShape: [2],
    labels,
    classes: 2,
  };
}

describe("k-means", () => {
  it("finds the two centers of a worked 1-D example, with its inertia", () => {
    const x = Float32Array.from([0, 1, 10, 11]);
    const fit = kMeans(x, 4, 1, 2, { restarts: 5, seed: 1, init: "random" });
    expect([...fit.centroids].sort((a, b) => a - b)).toEqual([0.5, 10.5]);
    expect(fit.inertia).toBeCloseTo(1, 12);
    expect(fit.assignments[0]).toBe(fit.assignments[1]);
    expect(fit.assignments[2]).toBe(fit.assignments[3]);
    expect(fit.assignments[0]).not.toBe(fit.assignments[2]);
  });

  it("keeps the restart with the lowest inertia, and the same seed gives the same clustering", () => {
    const data = blobs(200, 3);
    const options = { restarts: 10, seed: 7, init: "random" as const };
    const fit = kMeans(data.x, 200, 2, 4, options);
    // The first restart draws the same centers as a single-restart run with that seed.
    expect(fit.inertia).toBeLessThanOrEqual(kMeans(data.x, 200, 2, 4, { ...options, restarts: 1 }).inertia);
    expect(kMeans(data.x, 200, 2, 4, options).assignments).toEqual(fit.assignments);
  });
});

describe("cluster labels", () => {
  it("bijective: withstands exactly ceil((A - A') / 2) - 1 flips, A - ceil(N/2) for two clusters and odd N", () => {
    // 101 points: cluster 0 holds 40 of class 0 and 10 of class 1; cluster 1 holds 45 of class 1 and 6 of class 0.
    const assignment = Int32Array.from([...Array(50).fill(0), ...Array(51).fill(1)]);
    const labels = Int32Array.from([
      ...Array(40).fill(0),
      ...Array(10).fill(1),
      ...Array(45).fill(1),
      ...Array(6).fill(0),
    ]);
    const named = labelClusters(assignment, labels, 2, 2, "bijective");
    expect([...named.labels]).toEqual([0, 1]);
    expect(named.agreement).toBe(85);
    expect(named.flipsWithstood).toBe(85 - Math.ceil(101 / 2));
    // The adversary's best move flips agreeing labels; after that many flips the labelling holds,
    // one more and it changes.
    const flip = (count: number) => {
      const copy = Int32Array.from(labels);
      for (let i = 0; i < count; i++) copy[i] = 1; // the first 40 are agreeing class-0 labels in cluster 0
      for (let i = 0; i < count - 40; i++) copy[50 + i] = 0;
      return labelClusters(assignment, copy, 2, 2, "bijective").labels;
    };
    expect([...flip(named.flipsWithstood)]).toEqual([0, 1]);
    expect([...flip(named.flipsWithstood + 1)]).toEqual([1, 0]);
  });

  it("majority: each cluster's most common label; the labelling withstands its weakest cluster's margin", () => {
    const assignment = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    const labels = Int32Array.from([2, 2, 2, 1, 0, 1, 1, 1, 0]);
    const named = labelClusters(assignment, labels, 2, 3, "majority");
    expect([...named.labels]).toEqual([2, 1]);
    expect(named.agreement).toBe(6);
    // Cluster 0: 3 vs 1; one flip makes it 2 vs 2 and the tie goes to the smaller label 1, so it
    // withstands 0. Cluster 1: 3 vs 1 with the runner-up 0 smaller: also 0.
    expect(named.flipsWithstood).toBe(0);
    const wide = labelClusters(Int32Array.from([0, 0, 0, 0, 0]), Int32Array.from([0, 0, 0, 0, 1]), 1, 2, "majority");
    // 4 vs 1, runner-up label larger: it must exceed, 4 - f < 1 + f at f = 2, so 1 flip is withstood.
    expect(wide.flipsWithstood).toBe(1);
  });
});

describe("the kmeans model and the label-flip certificate", () => {
  it("predicts by nearest labelled center, reports its vote's certificate, and saves and loads", async () => {
    const train = blobs(400, 11, 30);
    const test = blobs(200, 12);
    const model = Classifier.create({ name: "kmeans", restarts: 3 }, { inputShape: [2], classes: 2, seed: 5 });
    const { fitted } = model.fit(train, {}, { seed: 5 });
    // Clusters follow the blobs; 30 wrong labels lower the agreement to 370 of 400.
    expect(fitted?.agreement).toBe(370);
    // The runner-up assignment agrees with 30: withstands ceil(340 / 2) - 1 = 169 flips (A - N/2 - 1 for even N).
    expect(fitted?.flipsWithstood).toBe(169);
    expect(model.accuracy(test)).toBeGreaterThan(0.99);
    const dir = await mkdtemp(join(tmpdir(), "hemlock-kmeans-"));
    await saveClassifier(model, dir);
    const { classifier } = await loadClassifier(dir);
    expect(classifier.predict(test)).toEqual(model.predict(test));

    const defended = trainDefended("label-flip-certificate", {
      train,
      model: { name: "kmeans", restarts: 3 },
      trainConfig: {},
      seed: 5,
    });
    const { predictions, radii } = defended.certify?.(test) ?? {
      predictions: new Int32Array(),
      radii: new Int32Array(),
    };
    expect(predictions).toEqual(model.predict(test));
    expect(new Set(radii)).toEqual(new Set([169]));
    expect(defended.diagnostics?.certifiedFlips).toBe(169);
    defended.dispose();
  });

  it("refuses a model without a label vote", () => {
    expect(() =>
      trainDefended("label-flip-certificate", {
        train: blobs(20, 1),
        model: { name: "mlp" },
        trainConfig: {},
        seed: 1,
      }),
    ).toThrow("label-flip-certificate needs a model whose labels enter only through a vote (kmeans); mlp is not one");
  });
});
