/**
 * A small residual CNN for 28x28 images: a strided 3x3 stem to 14x14 with 16 channels, two
 * residual blocks at 16 channels, a strided block to 7x7 with 32 channels (1x1 projection
 * shortcut) and one more, then global average pooling ("features") and a linear classifier.
 * About 7 MFLOP per example forward. No batch normalization: the last conv of
 * each residual branch starts at zero, so every block starts as the identity (Fixup, Zhang et al.
 * 2019), which trains stably and keeps per-example gradients simple.
 */

import { z } from "zod";
import { tf } from "../../backend/tf.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { needsImage } from "../architectures/image-input.js";
import { defineModel } from "../define-model.js";
import { heNormal } from "../seeded-initializers.js";

export const resnetSmall = defineModel({
  name: "resnet-small",
  summary:
    "small residual CNN (strided stem, 4 residual blocks at 14x14 and 7x7, 16-32 channels, Fixup-style zero init)",
  citation:
    "K. He, X. Zhang, S. Ren, J. Sun. Deep residual learning for image recognition. CVPR 2016; H. Zhang, Y.N. Dauphin, T. Ma. Fixup initialization. ICLR 2019.",
  params: z.object({ width: z.number().int().positive().default(16) }).strict(),
  loss: "cross-entropy",
  provides: ["features", "gradients", "per-example-gradients"],
  accepts: needsImage(8),
  build: ({ width }, { inputShape, classes, seed }) => {
    const random = new SeededRandom(seed).fork("resnet-small-init");
    const conv = (filters: number, kernelSize: number, strides: number, name: string, zero = false) =>
      tf.layers.conv2d({
        filters,
        kernelSize,
        strides,
        padding: "same",
        kernelInitializer: zero ? "zeros" : heNormal(random),
        name,
      });
    const block = (x: tf.SymbolicTensor, filters: number, strides: number, name: string) => {
      let y = conv(filters, 3, strides, `${name}_conv1`).apply(x) as tf.SymbolicTensor;
      y = tf.layers.reLU({ name: `${name}_relu1` }).apply(y) as tf.SymbolicTensor;
      y = conv(filters, 3, 1, `${name}_conv2`, true).apply(y) as tf.SymbolicTensor;
      const shortcut = strides === 1 ? x : (conv(filters, 1, strides, `${name}_proj`).apply(x) as tf.SymbolicTensor);
      const sum = tf.layers.add({ name: `${name}_add` }).apply([shortcut, y]) as tf.SymbolicTensor;
      return tf.layers.reLU({ name: `${name}_out` }).apply(sum) as tf.SymbolicTensor;
    };
    const input = tf.input({ shape: inputShape, name: "input" });
    let x = conv(width, 3, 2, "stem").apply(input) as tf.SymbolicTensor;
    x = tf.layers.reLU({ name: "stem_relu" }).apply(x) as tf.SymbolicTensor;
    x = block(x, width, 1, "block1");
    x = block(x, width, 1, "block2");
    x = block(x, 2 * width, 2, "block3");
    x = block(x, 2 * width, 1, "block4");
    const features = tf.layers.globalAveragePooling2d({ name: "features" }).apply(x) as tf.SymbolicTensor;
    const logits = tf.layers
      .dense({ units: classes, kernelInitializer: heNormal(random), name: "logits" })
      .apply(features) as tf.SymbolicTensor;
    return tf.model({ inputs: input, outputs: logits, name: "resnet_small" });
  },
});
