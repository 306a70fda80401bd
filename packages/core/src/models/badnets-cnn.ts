/**
 * The BadNets CNN of Gu, Dolan-Gavitt and Garg 2017 (arXiv:1708.06733), Table 1:
 * conv 16@5x5 -> avg-pool 2 -> conv 32@5x5 -> avg-pool 2 -> FC 512 -> FC classes, ReLU between.
 */
import * as tf from "@tensorflow/tfjs";
import { SeededRandom } from "../random/seeded-random.js";
import { glorotUniform } from "./seeded-initializers.js";

export interface BadnetsCnnOptions {
  /** [height, width, channels], e.g. [28, 28, 1] for MNIST. */
  inputShape: [number, number, number];
  classes: number;
  seed: number;
}

export function buildBadnetsCnn({ inputShape, classes, seed }: BadnetsCnnOptions): tf.Sequential {
  const random = new SeededRandom(seed).fork("badnets-cnn-init");
  const model = tf.sequential({ name: "badnets_cnn" });
  model.add(
    tf.layers.conv2d({
      inputShape,
      filters: 16,
      kernelSize: 5,
      activation: "relu",
      kernelInitializer: glorotUniform(random),
      name: "conv1",
    }),
  );
  model.add(tf.layers.averagePooling2d({ poolSize: 2, name: "pool1" }));
  model.add(
    tf.layers.conv2d({
      filters: 32,
      kernelSize: 5,
      activation: "relu",
      kernelInitializer: glorotUniform(random),
      name: "conv2",
    }),
  );
  model.add(tf.layers.averagePooling2d({ poolSize: 2, name: "pool2" }));
  model.add(tf.layers.flatten({ name: "flatten" }));
  model.add(tf.layers.dense({ units: 512, activation: "relu", kernelInitializer: glorotUniform(random), name: "fc1" }));
  model.add(tf.layers.dense({ units: classes, kernelInitializer: glorotUniform(random), name: "logits" }));
  return model;
}
