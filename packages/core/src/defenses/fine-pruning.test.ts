import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Classifier } from "../models/classifier.js";
import { defineModel } from "../models/define-model.js";
import { models } from "../models/model-registry.js";
import "../register-builtins.js";
import { lineImages } from "../testing/line-images.js";
import { repairModel } from "./repair-model.js";

// A tiny CNN, registered for this test only, so it trains in a moment on the cpu backend.
if (!models.has("tiny-cnn-for-test"))
  models.register(
    defineModel({
      name: "tiny-cnn-for-test",
      summary: "3x3 conv with 6 channels, then a dense layer",
      citation: "none",
      params: z.object({}).strict(),
      loss: "cross-entropy",
      provides: [],
      build: (_params, { inputShape, classes }) => {
        const model = tf.sequential();
        model.add(tf.layers.conv2d({ inputShape, filters: 6, kernelSize: 3, activation: "relu", name: "conv" }));
        model.add(tf.layers.flatten());
        model.add(tf.layers.dense({ units: classes, name: "logits" }));
        return model;
      },
    }),
  );

/** 6x6 images: class c has a bright column at 2c. */
const columns = (examples: number, seed: number) =>
  lineImages({ examples, size: 6, orientation: "column", brightness: 0.8, seed });

describe("Fine-Pruning", () => {
  const train = columns(150, 1);
  const holdout = columns(60, 2);
  const model = Classifier.create("tiny-cnn-for-test", { inputShape: [6, 6, 1], classes: 3, seed: 1 });
  model.fit(train, { epochs: 20, batchSize: 16, optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 } }, { seed: 1 });

  it("zeroes the pruned channels, keeps holdout accuracy within the allowed drop, and leaves the original alone", () => {
    const before = model.model.getLayer("conv").getWeights()[0]?.dataSync().slice() as Float32Array;
    const { model: repaired, diagnostics } = repairModel(
      { name: "fine-pruning", maxAccuracyDrop: 0.05, fineTune: { epochs: 0 } },
      { model, holdout, seed: 1 },
    );
    const pruned = diagnostics?.prunedChannels as number;
    expect(pruned).toBeGreaterThan(0);
    expect(pruned).toBeLessThan(6);
    const [kernel, bias] = repaired.model.getLayer("conv").getWeights() as [tf.Tensor, tf.Tensor];
    const k = kernel.dataSync();
    const b = bias.dataSync();
    const zeroChannels = [0, 1, 2, 3, 4, 5].filter((c) => b[c] === 0 && [...k].every((v, i) => i % 6 !== c || v === 0));
    expect(zeroChannels.length).toBe(pruned);
    expect(diagnostics?.holdoutAccuracyAfter).toBeGreaterThanOrEqual(
      (diagnostics?.holdoutAccuracyBefore as number) - 0.05,
    );
    expect(model.model.getLayer("conv").getWeights()[0]?.dataSync()).toEqual(before);
    repaired.dispose();
  });

  it("names the layers when the model has no convolution", () => {
    const mlp = Classifier.create({ name: "mlp", hidden: [4] }, { inputShape: [6, 6, 1], classes: 3, seed: 1 });
    expect(() => repairModel("fine-pruning", { model: mlp, holdout, seed: 1 })).toThrow(
      "defense: fine-pruning needs a convolutional layer; mlp has none",
    );
    mlp.dispose();
  });
});
