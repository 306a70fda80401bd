/**
 * One optimizer step of softmax cross-entropy on a batch. The building block of every training
 * loop in Hemlock, and what bench/kernels times.
 */
import * as tf from "@tensorflow/tfjs";
import { sparseSoftmaxCrossEntropy } from "./sparse-softmax-cross-entropy.js";

export function trainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  x: tf.Tensor,
  labels: tf.Tensor1D,
  classes: number,
): number {
  const loss = tf.tidy(
    () =>
      optimizer.minimize(
        () => sparseSoftmaxCrossEntropy(model.apply(x, { training: true }) as tf.Tensor2D, labels, classes),
        true,
        model.trainableWeights.map((w) => w.read() as tf.Variable),
      ) as tf.Scalar,
  );
  const value = loss.dataSync()[0] as number;
  loss.dispose();
  return value;
}
