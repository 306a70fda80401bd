/**
 * A multilayer perceptron classifier: dense ReLU hidden layers and a linear output layer that
 * emits logits (softmax is applied by the loss and by predict).
 */
import * as tf from "@tensorflow/tfjs";
import { SeededRandom } from "../random/seeded-random.js";
import { glorotUniform } from "./seeded-initializers.js";

export interface MlpOptions {
  inputShape: number[];
  hidden: number[];
  classes: number;
  seed: number;
}

export function buildMlp({ inputShape, hidden, classes, seed }: MlpOptions): tf.Sequential {
  const random = new SeededRandom(seed).fork("mlp-init");
  const model = tf.sequential({ name: "mlp" });
  model.add(tf.layers.flatten({ inputShape, name: "flatten" }));
  hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: "relu",
        kernelInitializer: glorotUniform(random),
        name: `hidden_${i}`,
      }),
    );
  });
  model.add(tf.layers.dense({ units: classes, kernelInitializer: glorotUniform(random), name: "logits" }));
  return model;
}
