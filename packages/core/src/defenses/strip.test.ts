import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import type { Dataset } from "../datasets/dataset.js";
import type { Classifier } from "../models/classifier.js";
import { SeededRandom } from "../random/seeded-random.js";
import "../register-builtins.js";
import { evaluateInputDetector, fitInputDetector } from "./detect-inputs.js";

/** 4x4 images; the trigger is the last pixel set to 1 (clean images keep it below 0.4). */
function images(n: number, seed: number): Dataset {
  const r = new SeededRandom(seed);
  const x = Float32Array.from({ length: n * 16 }, (_, k) => (k % 16 === 15 ? 0.4 * r.float() : r.float()));
  return {
    name: "tiny",
    split: "test",
    x,
    exampleShape: [4, 4, 1],
    labels: Int32Array.from({ length: n }, (_, i) => i % 3),
    classes: 3,
    classNames: ["a", "b", "c"],
    domain: { kind: "image", min: 0, max: 1 },
    sources: [],
  };
}

/**
 * A stand-in for a backdoored model: confident class 0 when the trigger pixel is saturated,
 * otherwise logits that follow the image content (so superimposed clean images disagree).
 */
const backdoored = {
  model: {
    predict: (x: tf.Tensor) =>
      tf.tidy(() => {
        const flat = tf.reshape(x, [x.shape[0] as number, 16]);
        const trigger = tf.cast(tf.greaterEqual(tf.slice(flat, [0, 15], [-1, 1]), 1), "float32");
        const content = tf.mul(tf.slice(flat, [0, 0], [-1, 3]), 8);
        const confident = tf.concat([tf.fill([x.shape[0] as number, 1], 20), tf.zeros([x.shape[0] as number, 2])], 1);
        return tf.add(tf.mul(trigger, confident), tf.mul(tf.sub(1, trigger), content));
      }),
  },
} as unknown as Classifier;

describe("STRIP", () => {
  const holdout = images(200, 1);
  const test = images(100, 2);
  const stamp = (x: Float32Array) => {
    for (let i = 15; i < x.length; i += 16) x[i] = 1;
  };

  it("sets its threshold at the chosen false-rejection rate and flags triggered inputs", () => {
    const detector = fitInputDetector(
      { name: "strip", overlays: 20, frr: 0.05 },
      { model: backdoored, holdout, seed: 1 },
    );
    const heldFlagged = detector.score(holdout).filter((s) => s > detector.threshold).length;
    expect(heldFlagged).toBeLessThanOrEqual(10);
    const m = evaluateInputDetector(detector, test, stamp);
    expect(m.flaggedTriggered).toBe(1);
    expect(m.flaggedClean).toBeLessThanOrEqual(0.1);
    expect(m.auroc).toBe(1);
  });

  it("needs as many held images as overlays, and image data", () => {
    expect(() => fitInputDetector({ name: "strip", overlays: 500 }, { model: backdoored, holdout, seed: 1 })).toThrow(
      "defense.overlays: 500 overlays need as many held clean images, got 200",
    );
  });
});
