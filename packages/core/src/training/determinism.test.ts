import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import type { BackendName } from "../backend/backend-name.js";
import { selectBackend } from "../backend/select-backend.js";
import { gaussianBlobs } from "../datasets/gaussian-blobs.js";
import { Classifier } from "../models/classifier.js";
import "../register-builtins.js";

const blobs = gaussianBlobs({ examples: 300, features: 20, classes: 3, seed: 11 });
const config = {
  epochs: 3,
  batchSize: 32,
  optimizer: { name: "sgd", lr: 0.05, momentum: 0.9, weightDecay: 1e-4 },
  schedule: { name: "cosine" },
};

async function train(backend: BackendName, seed: number): Promise<{ digest: string; losses: number[] }> {
  await selectBackend(backend);
  const classifier = Classifier.create({ name: "mlp", hidden: [16] }, { inputShape: [20], classes: 3, seed });
  const result = classifier.fit(blobs, config, { seed });
  const digest = classifier.weightsDigest();
  classifier.dispose();
  return { digest, losses: result.history.map((h) => h.loss) };
}

describe("determinism: same seed, backend and data give bit-identical weights", () => {
  it.each(["wasm", "cpu"] as const)("MLP on %s", async (backend) => {
    const a = await train(backend, 123);
    const b = await train(backend, 123);
    const c = await train(backend, 124);
    expect(a.digest).toBe(b.digest);
    expect(a.losses).toEqual(b.losses);
    expect(c.digest).not.toBe(a.digest);
    // It really trained: the loss fell on these separable blobs.
    expect(a.losses[2]).toBeLessThan((a.losses[0] as number) * 0.5);
  });

  it("BadNets CNN on wasm (exercises the conv gradient kernels)", async () => {
    await selectBackend("wasm");
    const images = {
      ...gaussianBlobs({ examples: 64, features: 28 * 28, classes: 10, seed: 5 }),
      exampleShape: [28, 28, 1],
    };
    const digests = [1, 2].map(() => {
      const classifier = Classifier.create("badnets-cnn", { inputShape: [28, 28, 1], classes: 10, seed: 9 });
      classifier.fit(images, { epochs: 1, batchSize: 16 }, { seed: 9 });
      const digest = classifier.weightsDigest();
      classifier.dispose();
      return digest;
    });
    expect(digests[0]).toBe(digests[1]);
  });

  it("leaves no tensors behind after training", async () => {
    await selectBackend("wasm");
    await train("wasm", 1);
    const before = tf.memory().numTensors;
    await train("wasm", 1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
