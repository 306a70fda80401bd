/**
 * One optimizer step of softmax cross-entropy on a batch. The building block of every training
 * loop in Hemlock, and what bench/kernels times.
 */
import * as tf from "@tensorflow/tfjs";

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
        () => {
          const logits = model.apply(x, { training: true }) as tf.Tensor2D;
          const oneHot = tf.oneHot(labels, classes);
          return tf.losses.softmaxCrossEntropy(oneHot, logits) as tf.Scalar;
        },
        true,
        model.trainableWeights.map((w) => w.read() as tf.Variable),
      ) as tf.Scalar,
  );
  const value = loss.dataSync()[0] as number;
  loss.dispose();
  return value;
}
