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
  // Images are flattened; flat feature vectors (tabular data) go straight to the first layer.
  const flat = inputShape.length === 1;
  if (!flat) model.add(tf.layers.flatten({ inputShape, name: "flatten" }));
  [...hidden, classes].forEach((units, i) => {
    const isOutput = i === hidden.length;
    model.add(
      tf.layers.dense({
        ...(flat && i === 0 ? { inputShape } : {}),
        units,
        ...(isOutput ? {} : { activation: "relu" as const }),
        kernelInitializer: glorotUniform(random),
        name: isOutput ? "logits" : `hidden_${i}`,
      }),
    );
  });
  return model;
}
