/**
 * The BadNets CNN of Gu, Dolan-Gavitt and Garg 2017 (arXiv:1708.06733), Table 1:
 * conv 16@5x5 -> avg-pool 2 -> conv 32@5x5 -> avg-pool 2 -> FC 512 -> FC classes, ReLU between.
 * The FC 512 layer is named "features".
 */

import { z } from "zod";
import { tf } from "../../backend/tf.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { needsImage } from "../architectures/image-input.js";
import { defineModel, type ModelContext } from "../define-model.js";
import { glorotUniform } from "../seeded-initializers.js";

export interface BadnetsCnnOptions extends ModelContext {
  /** [height, width, channels], e.g. [28, 28, 1] for MNIST. */
  inputShape: [number, number, number];
}

export function buildBadnetsCnn({ inputShape, classes, seed }: BadnetsCnnOptions): tf.Sequential {
  const random = new SeededRandom(seed).fork("badnets-cnn-init");
  const model = tf.sequential({ name: "badnets_cnn" });
  const conv = (filters: number, name: string, first: boolean) =>
    tf.layers.conv2d({
      ...(first ? { inputShape } : {}),
      filters,
      kernelSize: 5,
      activation: "relu",
      kernelInitializer: glorotUniform(random),
      name,
    });
  model.add(conv(16, "conv1", true));
  model.add(tf.layers.averagePooling2d({ poolSize: 2, name: "pool1" }));
  model.add(conv(32, "conv2", false));
  model.add(tf.layers.averagePooling2d({ poolSize: 2, name: "pool2" }));
  model.add(tf.layers.flatten({ name: "flatten" }));
  model.add(
    tf.layers.dense({ units: 512, activation: "relu", kernelInitializer: glorotUniform(random), name: "features" }),
  );
  model.add(tf.layers.dense({ units: classes, kernelInitializer: glorotUniform(random), name: "logits" }));
  return model;
}

export const badnetsCnn = defineModel({
  name: "badnets-cnn",
  summary: "the BadNets CNN (Gu et al. 2017): two 5x5 conv layers with average pooling, FC 512",
  citation:
    "T. Gu, B. Dolan-Gavitt, S. Garg. BadNets: identifying vulnerabilities in the machine learning model supply chain. arXiv:1708.06733, 2017.",
  params: z.object({}).strict(),
  loss: "cross-entropy",
  provides: ["features", "gradients", "per-example-gradients"],
  accepts: needsImage(16),
  build: (_params, ctx) => buildBadnetsCnn({ ...ctx, inputShape: ctx.inputShape as [number, number, number] }),
});
