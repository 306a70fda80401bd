/**
 * STRIP (Gao et al. 2019): an input detector. Each input is superimposed on N clean images the
 * defender holds (pixel-wise sum, saturating at the image range, as the paper's
 * addWeighted(x, 1, h, 1)); a clean input's predictions then scatter across classes, while a
 * triggered one keeps predicting the target, so its mean prediction entropy is low. The threshold
 * is the entropy below which the chosen false-rejection rate of clean inputs falls, measured on
 * the held clean images themselves. Score: minus the mean entropy (higher is more suspicious).
 */

import { z } from "zod";
import { tf } from "../../backend/tf.js";
import { exampleSize } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import type { Examples } from "../../models/batched.js";
import type { Classifier } from "../../models/classifier.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { defineDefense } from "../define-defense.js";

export const strip = defineDefense({
  name: "strip",
  summary: "flags test inputs whose predictions stay confident when clean images are superimposed (low entropy)",
  citation:
    "Y. Gao, C. Xu, D. Wang, S. Chen, D.C. Ranasinghe, S. Nepal. STRIP: a defence against trojan attacks on deep neural networks. ACSAC 2019.",
  kind: "detect-input",
  params: z
    .object({
      /** Superimposed clean images per input (100 in the paper). */
      overlays: z.number().int().min(2).max(10000).default(100),
      /** False-rejection rate on clean inputs that sets the threshold. */
      frr: z.number().gt(0).lt(1).default(0.05),
    })
    .strict(),
  needs: ["poisoned-model", "clean-holdout"],
  minHoldout: (params) => params.overlays,
  requires: [],
  domains: ["image"],
  fit: (params, { model, holdout, seed, where }) => {
    if (holdout.domain.kind !== "image")
      throw new HemlockError("INCOMPATIBLE", `${where}: strip superimposes images; ${holdout.name} is tabular`);
    const count = holdout.labels.length;
    if (count < params.overlays)
      throw new HemlockError(
        "INVALID_PARAMS",
        `${where}.overlays: ${params.overlays} overlays need as many held clean images, got ${count}`,
      );
    const { max } = holdout.domain;
    const score = (inputs: Examples): Float32Array =>
      meanEntropies(model, inputs, holdout.x, count, params.overlays, max, seed).map((h) => -h);
    // Each held image against the others: the clean entropy distribution.
    const cleanScores = score(holdout);
    const sorted = Float32Array.from(cleanScores).sort();
    // Flag score > threshold: at most frr of clean scores may lie above it.
    const threshold = sorted[Math.min(sorted.length - 1, Math.floor((1 - params.frr) * sorted.length))] as number;
    return { score, threshold, diagnostics: { cleanMeanEntropy: -mean(cleanScores), threshold } };
  },
});

function mean(values: Float32Array): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
}

/** Mean prediction entropy (nats) of each input over `overlays` seeded superimpositions. */
function meanEntropies(
  model: Classifier,
  inputs: Examples,
  pool: Float32Array,
  poolSize: number,
  overlays: number,
  max: number,
  seed: number,
): Float32Array {
  const size = exampleSize(inputs);
  const n = inputs.x.length / size;
  const out = new Float32Array(n);
  const random = new SeededRandom(seed).fork("strip-overlays");
  const pick = random.permutation(poolSize).subarray(0, overlays);
  const overlayTensor = tf.tensor(
    Float32Array.from(Array.from(pick).flatMap((j) => [...pool.subarray(j * size, (j + 1) * size)])),
    [overlays, ...inputs.exampleShape],
  );
  for (let i = 0; i < n; i++) {
    out[i] = tf.tidy(() => {
      const x = tf.tensor(inputs.x.subarray(i * size, (i + 1) * size), [1, ...inputs.exampleShape]);
      const blended = tf.minimum(tf.add(overlayTensor, x), max);
      const p = tf.softmax(model.model.predict(blended) as tf.Tensor2D);
      const entropy = tf.neg(tf.sum(tf.mul(p, tf.log(tf.add(p, 1e-12))), 1));
      return tf.mean(entropy).dataSync()[0] as number;
    });
  }
  overlayTensor.dispose();
  return out;
}
