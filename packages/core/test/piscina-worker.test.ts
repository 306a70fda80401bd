import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs";
import { Piscina } from "piscina";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildMlp,
  disposeOptimizer,
  fitClassifier,
  gaussianBlobs,
  selectBackend,
  weightsDigest,
} from "../src/index.js";

// Workers import the built @hemlock/core (turbo builds before testing).
const pool = new Piscina({
  filename: fileURLToPath(new URL("./fixtures/train-in-worker.mjs", import.meta.url)),
  minThreads: 2,
  maxThreads: 2,
});
afterAll(() => pool.destroy());

const data = gaussianBlobs({ examples: 240, features: 12, classes: 4, seed: 3, shared: true });

describe("compute backends inside Piscina worker threads", () => {
  it("selects wasm-or-better in each worker and trains bit-identically to the main thread", async () => {
    const main = await selectBackend("auto");
    const model = buildMlp({ inputShape: [12], hidden: [16], classes: 4, seed: 77 });
    const optimizer = tf.train.momentum(0.05, 0.9);
    fitClassifier(model, data, { epochs: 3, batchSize: 32, seed: 77, optimizer });
    const mainDigest = weightsDigest(model);
    model.dispose();
    disposeOptimizer(optimizer);

    const results = await Promise.all([
      pool.run({ backend: "auto", seed: 77, data }),
      pool.run({ backend: "auto", seed: 77, data }),
    ]);
    for (const r of results) {
      expect(r.backend).toBe(main.name);
      expect(r.digest).toBe(mainDigest);
      expect(r.sharedInput).toBe(true);
      expect(r.losses[2]).toBeLessThan(r.losses[0]);
    }
  });

  it("honours an explicit backend per task", async () => {
    const result = await pool.run({ backend: "cpu", seed: 5, data });
    expect(result.backend).toBe("cpu");
  });

  it("reports an unavailable backend as a rejected task, not a crashed pool", async () => {
    const hasTfjsNode = await import("@tensorflow/tfjs-node" as string).then(
      () => true,
      () => false,
    );
    if (hasTfjsNode) return;
    await expect(pool.run({ backend: "tensorflow", seed: 5, data })).rejects.toThrow(
      /backend "tensorflow" is not available/,
    );
    const after = await pool.run({ backend: "wasm", seed: 5, data });
    expect(after.backend).toBe("wasm");
  });
});
