/**
 * Mean softmax cross-entropy from logits and integer labels, with a hand-written gradient.
 * tf.losses.softmaxCrossEntropy takes one-hot labels and builds about thirty small kernels
 * (label smoothing, weights, reductions) per step, each with fixed per-kernel overhead; this
 * version needs about ten, and its gradient is the closed form (softmax - onehot) / batch.
 */
import { tf } from "../backend/tf.js";

export function sparseSoftmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, classes: number): tf.Scalar {
  // Like every intermediate, oneHot lives until the caller's tidy (or gradient scope) ends; the
  // backward pass reads it.
  const oneHot = tf.oneHot(labels, classes).asType("float32");
  // customGrad passes the inputs followed by the save function.
  const lossFn = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const z = args[0] as tf.Tensor2D;
    const save = args[1] as tf.GradSaveFunc;
    const lse = tf.logSumExp(z, 1, true); // [batch, 1], computed stably (max-shifted)
    save([z, lse, oneHot]);
    const trueLogit = tf.sum(tf.mul(z, oneHot), 1, true);
    const value = tf.mean(tf.sub(lse, trueLogit)) as tf.Scalar;
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedZ, savedLse, savedOneHot] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        const softmax = tf.exp(tf.sub(savedZ, savedLse));
        return tf.mul(tf.sub(softmax, savedOneHot), tf.div(dy, savedZ.shape[0]));
      },
    };
  });
  return lossFn(logits) as tf.Scalar;
}
