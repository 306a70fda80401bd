import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select-backend.js";
import { gaussianBlobs } from "../datasets/gaussian-blobs.js";
import { HemlockError } from "../errors.js";
import { SeededRandom } from "../random/seeded-random.js";
import "../register-builtins.js";
import type { LabeledArrays } from "../datasets/labeled-arrays.js";
import { Classifier } from "./classifier.js";
import { loadClassifier, saveClassifier } from "./model-files.js";

beforeAll(async () => {
  await selectBackend("wasm");
});

/** XOR of the signs of two coordinates: not linearly separable, so only a hidden layer fits it. */
function xor(n: number, seed: number): LabeledArrays {
  const r = new SeededRandom(seed);
  const x = new Float32Array(n * 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = r.float() * 2 - 1;
    const b = r.float() * 2 - 1;
    x[2 * i] = a;
    x[2 * i + 1] = b;
    labels[i] = a * b > 0 ? 1 : 0;
  }
  return { x, exampleShape: [2], labels, classes: 2 };
}

/** 20x20 images whose class is the quadrant holding a bright 6x6 square, on noise. */
function quadrants(n: number, seed: number): LabeledArrays {
  const r = new SeededRandom(seed);
  const x = new Float32Array(n * 400);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const q = i % 4;
    labels[i] = q;
    for (let p = 0; p < 400; p++) x[i * 400 + p] = r.float() * 0.3;
    const [oy, ox] = [q < 2 ? 2 : 12, q % 2 === 0 ? 2 : 12];
    for (let y = 0; y < 6; y++) for (let c = 0; c < 6; c++) x[i * 400 + (oy + y) * 20 + ox + c] = 1;
  }
  return { x, exampleShape: [20, 20, 1], labels, classes: 4 };
}

const blobs = gaussianBlobs({ examples: 400, features: 10, classes: 3, separation: 2.5, seed: 1 });
const blobsTest = gaussianBlobs({ examples: 300, features: 10, classes: 3, separation: 2.5, seed: 1 });
const sgd = (epochs: number, lr = 0.1) => ({ epochs, batchSize: 32, optimizer: { name: "sgd", lr, momentum: 0.9 } });

describe("models on synthetic data where the answer is known", () => {
  it("logistic regression separates Gaussian blobs; probabilities sum to 1; loss is -log p(y)", () => {
    const lr = Classifier.create("logistic-regression", { inputShape: [10], classes: 3, seed: 1 });
    lr.fit(blobs, sgd(20), { seed: 1 });
    expect(lr.accuracy(blobsTest)).toBeGreaterThan(0.95);
    const p = lr.predictProba(blobsTest);
    for (let i = 0; i < 5; i++)
      expect((p[3 * i] as number) + (p[3 * i + 1] as number) + (p[3 * i + 2] as number)).toBeCloseTo(1, 5);
    const loss = lr.perExampleLoss(blobsTest);
    const y0 = blobsTest.labels[0] as number;
    expect(loss[0]).toBeCloseTo(-Math.log(p[y0] as number), 4);
    lr.dispose();
  });

  it("an MLP fits XOR, which logistic regression cannot", () => {
    const train = xor(800, 2);
    const test = xor(400, 3);
    const linear = Classifier.create("logistic-regression", { inputShape: [2], classes: 2, seed: 1 });
    linear.fit(train, sgd(30), { seed: 1 });
    const mlp = Classifier.create({ name: "mlp", hidden: [32] }, { inputShape: [2], classes: 2, seed: 1 });
    mlp.fit(train, { ...sgd(60), optimizer: { name: "adam", lr: 0.01 } }, { seed: 1 });
    expect(linear.accuracy(test)).toBeLessThan(0.7);
    expect(mlp.accuracy(test)).toBeGreaterThan(0.95);
    linear.dispose();
    mlp.dispose();
  });

  it("a linear SVM separates two blobs with hinge losses that vanish beyond the margin", () => {
    const two = gaussianBlobs({ examples: 300, features: 5, classes: 2, separation: 3, seed: 4 });
    const svm = Classifier.create({ name: "linear-svm", C: 1 }, { inputShape: [5], classes: 2, seed: 1 });
    svm.fit(two, sgd(30, 0.05), { seed: 1 });
    expect(svm.accuracy(two)).toBeGreaterThan(0.97);
    const hinge = svm.perExampleLoss(two);
    expect(Math.min(...hinge)).toBe(0);
    expect(hinge.filter((h) => h === 0).length).toBeGreaterThan(200);
  });

  it("the exact linear SVM finds the hard-margin separator, and a lower objective than SGD", () => {
    // Class 0 at x <= -1, class 1 at x >= 1: with a large C the margin's support vectors are +-1,
    // so v = w1 - w0 = 1 and the bias is 0; Crammer-Singer splits v as w1 = -w0 = 1/2.
    const line: LabeledArrays = {
      x: Float32Array.from([-3, -2, -1, 1, 2, 3]),
      exampleShape: [1],
      labels: Int32Array.from([0, 0, 0, 1, 1, 1]),
      classes: 2,
    };
    const exact = Classifier.create(
      { name: "linear-svm", C: 100, solver: "exact" },
      { inputShape: [1], classes: 2, seed: 1 },
    );
    const fitted = exact.fit(line, { epochs: 1 }, { seed: 1 }).fitted as Record<string, number>;
    const [kernel, bias] = exact.model
      .getLayer("logits")
      .getWeights()
      .map((t) => t.dataSync());
    expect(kernel?.[0]).toBeCloseTo(-0.5, 2);
    expect(kernel?.[1]).toBeCloseTo(0.5, 2);
    expect(Math.abs((bias?.[1] ?? 0) - (bias?.[0] ?? 0))).toBeLessThan(0.01);
    // Objective: no hinge loss left, only ||W||^2 / (2 C n) = 0.5 / 1200.
    expect(fitted.objective).toBeCloseTo(0.5 / 1200, 5);

    const two = gaussianBlobs({ examples: 200, features: 5, classes: 2, separation: 1.5, seed: 4 });
    const objectiveOf = (svm: Classifier, C: number) => {
      const hinge = svm.perExampleLoss(two);
      const w = svm.model.getLayer("logits").getWeights()[0]?.dataSync() as Float32Array;
      return hinge.reduce((a, b) => a + b, 0) / 200 + w.reduce((a, b) => a + b * b, 0) / (2 * C * 200);
    };
    const solved = Classifier.create(
      { name: "linear-svm", C: 1, solver: "exact" },
      { inputShape: [5], classes: 2, seed: 1 },
    );
    const reached = (solved.fit(two, {}, { seed: 1 }).fitted as Record<string, number>).objective as number;
    expect(objectiveOf(solved, 1)).toBeCloseTo(reached, 4);
    const bySgd = Classifier.create({ name: "linear-svm", C: 1 }, { inputShape: [5], classes: 2, seed: 1 });
    bySgd.fit(two, sgd(30, 0.05), { seed: 1 });
    expect(reached).toBeLessThan(objectiveOf(bySgd, 1));
  });

  it.each(["badnets-cnn", "resnet-small"])("%s learns which quadrant is bright", (name) => {
    const train = quadrants(256, 5);
    const test = quadrants(128, 6);
    const cnn = Classifier.create(name, { inputShape: [20, 20, 1], classes: 4, seed: 3 });
    cnn.fit(train, { epochs: 6, batchSize: 32, optimizer: { name: "adam", lr: 0.003 } }, { seed: 3 });
    expect(cnn.accuracy(test)).toBeGreaterThan(0.9);
    cnn.dispose();
  });

  it("refuses an image model on tabular data, naming both", () => {
    expect(() =>
      Classifier.create("badnets-cnn", { inputShape: [30], classes: 2, seed: 1 }, "exp.yaml: model"),
    ).toThrowErrorMatchingInlineSnapshot(
      `[HemlockError: exp.yaml: model: badnets-cnn needs images of at least 16x16xC, got input shape [30]]`,
    );
  });
});

describe("Classifier capabilities", () => {
  it("gives penultimate-layer features of the configured width, and refuses them for linear models", () => {
    const mlp = Classifier.create({ name: "mlp", hidden: [24, 7] }, { inputShape: [10], classes: 3, seed: 1 });
    const f = mlp.features(blobsTest);
    expect(f.dim).toBe(7);
    expect(f.values.length).toBe(300 * 7);
    expect(Math.min(...f.values)).toBeGreaterThanOrEqual(0); // ReLU outputs
    const lr = Classifier.create("logistic-regression", { inputShape: [10], classes: 3, seed: 1 });
    expect(() => lr.features(blobsTest)).toThrow(HemlockError);
  });

  it("computes per-example gradients that match the closed form for logistic regression", () => {
    const lr = Classifier.create("logistic-regression", { inputShape: [10], classes: 3, seed: 1 });
    const x = tf.tensor2d(blobs.x.slice(0, 40), [4, 10]);
    const y = tf.tensor1d(blobs.labels.slice(0, 4), "int32");
    const [kernel, bias] = lr.perExampleGradients(x, y) as [tf.Tensor, tf.Tensor];
    expect(kernel.shape).toEqual([4, 10, 3]);
    expect(bias.shape).toEqual([4, 3]);
    // dL/dW = x (p - onehot(y))^T and dL/db = p - onehot(y), per example.
    const p = lr.predictProba({ x: blobs.x.slice(0, 40), exampleShape: [10] });
    const k = kernel.arraySync() as number[][][];
    const b = bias.arraySync() as number[][];
    for (let i = 0; i < 4; i++) {
      for (let c = 0; c < 3; c++) {
        const residual = (p[3 * i + c] as number) - (blobs.labels[i] === c ? 1 : 0);
        expect(b[i]?.[c]).toBeCloseTo(residual, 5);
        expect(k[i]?.[4]?.[c]).toBeCloseTo((blobs.x[10 * i + 4] as number) * residual, 4);
      }
    }
    tf.dispose([x, y, kernel, bias]);
  });

  it("saves and loads in tfjs format with a stable content hash, and catches tampering", async () => {
    const mlp = Classifier.create({ name: "mlp", hidden: [8] }, { inputShape: [10], classes: 3, seed: 1 });
    mlp.fit(blobs, sgd(2), { seed: 1 });
    const dir = await mkdtemp(join(tmpdir(), "hemlock-model-"));
    const hash = await saveClassifier(mlp, dir);
    expect(await saveClassifier(mlp, dir)).toBe(hash);
    const { classifier, contentHash } = await loadClassifier(dir);
    expect(contentHash).toBe(hash);
    expect(classifier.name).toBe("mlp");
    expect(classifier.params).toEqual({ hidden: [8] });
    expect(Array.from(classifier.predictProba(blobsTest))).toEqual(Array.from(mlp.predictProba(blobsTest)));
    expect(classifier.weightsDigest()).toBe(mlp.weightsDigest());
    await writeFile(join(dir, "weights.bin"), Buffer.alloc(4 * (10 * 8 + 8 + 8 * 3 + 3)));
    await expect(loadClassifier(dir)).rejects.toThrow(/content hash [0-9a-f]{64} does not match the recorded/);
  });
});

describe("training configuration", () => {
  it("stops early on a validation split and restores the best weights", () => {
    // Random labels: nothing to learn, so validation loss rises as the MLP memorizes.
    const noise = { ...blobs, labels: Int32Array.from(blobs.labels, (_, i) => new SeededRandom(i).int(3)) };
    const mlp = Classifier.create({ name: "mlp", hidden: [64] }, { inputShape: [10], classes: 3, seed: 1 });
    const result = mlp.fit(
      noise,
      { ...sgd(60, 0.05), validationSplit: 0.25, earlyStopping: { patience: 3 } },
      { seed: 1 },
    );
    expect(result.stoppedEarly).toBe(true);
    expect(result.epochsRun).toBeLessThan(60);
    const losses = result.history.map((h) => h.valLoss as number);
    const best = Math.min(...losses);
    expect(losses.indexOf(best)).toBe(result.epochsRun - 4);
  });

  it("names the field of a bad configuration", () => {
    const mlp = Classifier.create("mlp", { inputShape: [10], classes: 3, seed: 1 });
    expect(() => mlp.fit(blobs, { epochs: 0 }, { seed: 1, where: "exp.yaml: train" })).toThrow(
      "exp.yaml: train.epochs: Too small: expected number to be >0, got 0",
    );
    expect(() => mlp.fit(blobs, { earlyStopping: {} }, { seed: 1 })).toThrow(
      "train.earlyStopping: earlyStopping needs a validationSplit above 0",
    );
    expect(() => mlp.fit(blobs, { optimizer: { name: "rmsprop" } }, { seed: 1 })).toThrow(
      `train.optimizer.name: Invalid discriminator value. Expected 'sgd' | 'adam', got "rmsprop"`,
    );
  });

  it("shrinks weights with weight decay", () => {
    const norm = (weightDecay: number) => {
      const lr = Classifier.create("logistic-regression", { inputShape: [10], classes: 3, seed: 1 });
      lr.fit(
        blobs,
        { epochs: 10, batchSize: 32, optimizer: { name: "sgd", lr: 0.1, momentum: 0.9, weightDecay } },
        { seed: 1 },
      );
      const w = lr.model.getWeights()[0] as tf.Tensor;
      const value = tf.norm(w).dataSync()[0] as number;
      lr.dispose();
      return value;
    };
    expect(norm(0.05)).toBeLessThan(norm(0) * 0.6);
  });
});
