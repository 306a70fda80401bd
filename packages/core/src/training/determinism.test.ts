import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { gaussianBlobs } from "../datasets/gaussian-blobs.js";
import { type BackendName, selectBackend } from "../index.js";
import { buildBadnetsCnn } from "../models/badnets-cnn.js";
import { buildMlp } from "../models/mlp.js";
import { weightsDigest } from "../models/weights-digest.js";
import { disposeOptimizer } from "./dispose-optimizer.js";
import { fitClassifier } from "./fit-classifier.js";

const blobs = gaussianBlobs({ examples: 300, features: 20, classes: 3, seed: 11 });

async function trainMlp(backend: BackendName, seed: number): Promise<{ digest: string; losses: number[] }> {
  await selectBackend(backend);
  const model = buildMlp({ inputShape: [20], hidden: [16], classes: 3, seed });
  const optimizer = tf.train.momentum(0.05, 0.9);
  const losses = fitClassifier(model, blobs, { epochs: 3, batchSize: 32, seed, optimizer });
  const digest = weightsDigest(model);
  model.dispose();
  disposeOptimizer(optimizer);
  return { digest, losses };
}

describe("determinism: same seed, backend and data give bit-identical weights", () => {
  it.each(["wasm", "cpu"] as const)("MLP on %s", async (backend) => {
    const a = await trainMlp(backend, 123);
    const b = await trainMlp(backend, 123);
    const c = await trainMlp(backend, 124);
    expect(a.digest).toBe(b.digest);
    expect(a.losses).toEqual(b.losses);
    expect(c.digest).not.toBe(a.digest);
    // It really trained: the loss fell on these separable blobs.
    expect(a.losses[2]).toBeLessThan((a.losses[0] as number) * 0.5);
  });

  it("BadNets CNN on wasm (exercises the conv gradient kernels)", async () => {
    await selectBackend("wasm");
    const images = gaussianBlobs({ examples: 64, features: 28 * 28, classes: 10, seed: 5 });
    images.exampleShape = [28, 28, 1];
    const digests = [1, 2].map(() => {
      const model = buildBadnetsCnn({ inputShape: [28, 28, 1], classes: 10, seed: 9 });
      const optimizer = tf.train.momentum(0.01, 0.9);
      fitClassifier(model, images, { epochs: 1, batchSize: 16, seed: 9, optimizer });
      const digest = weightsDigest(model);
      model.dispose();
      disposeOptimizer(optimizer);
      return digest;
    });
    expect(digests[0]).toBe(digests[1]);
  });

  it("leaves no tensors behind after training", async () => {
    await selectBackend("wasm");
    const before = tf.memory().numTensors;
    await trainMlp("wasm", 1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
