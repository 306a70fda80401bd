import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { afterAll, describe, expect, it } from "vitest";
import { Classifier, gaussianBlobs, selectBackend } from "../src/index.js";
// A plain-JS fixture, shared so main thread and workers train with one configuration.
import { TRAIN_CONFIG } from "./fixtures/train-in-worker.mjs";

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
    const classifier = Classifier.create({ name: "mlp", hidden: [16] }, { inputShape: [12], classes: 4, seed: 77 });
    classifier.fit(data, TRAIN_CONFIG, { seed: 77 });
    const mainDigest = classifier.weightsDigest();
    classifier.dispose();

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
