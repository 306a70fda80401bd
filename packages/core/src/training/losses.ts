/**
 * Per-example classification losses from logits and integer labels: softmax cross-entropy, and
 * the Crammer-Singer multiclass hinge max(0, 1 + max_{j != y} z_j - z_y), which for two classes
 * is the usual SVM hinge on the margin z_y - z_other. Training uses their means (cross-entropy
 * through sparseSoftmaxCrossEntropy's closed-form gradient).
 */
import { tf } from "../backend/tf.js";
import { sparseSoftmaxCrossEntropy } from "./sparse-softmax-cross-entropy.js";

export type LossName = "cross-entropy" | "multiclass-hinge";

export function perExampleLoss(loss: LossName, logits: tf.Tensor2D, labels: tf.Tensor1D, classes: number): tf.Tensor1D {
  return tf.tidy(() => {
    const oneHot = tf.oneHot(labels, classes).asType("float32");
    const trueLogit = tf.sum(tf.mul(logits, oneHot), 1);
    if (loss === "cross-entropy") return tf.sub(tf.logSumExp(logits, 1), trueLogit) as tf.Tensor1D;
    // Push the true class far below the rest before taking the max over the others.
    const others = tf.max(tf.sub(logits, tf.mul(oneHot, 1e9)), 1);
    return tf.relu(tf.add(tf.sub(others, trueLogit), 1)) as tf.Tensor1D;
  });
}

export function meanLoss(loss: LossName, logits: tf.Tensor2D, labels: tf.Tensor1D, classes: number): tf.Scalar {
  if (loss === "cross-entropy") return sparseSoftmaxCrossEntropy(logits, labels, classes);
  return tf.mean(perExampleLoss(loss, logits, labels, classes)) as tf.Scalar;
}

/**
 * The loss each example would have under every label, from logits [n, K] row-major (plain JS:
 * label-flipping attacks score every possible flip).
 */
export function lossForEveryLabel(loss: LossName, logits: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(logits.length);
  for (let row = 0; row < logits.length; row += classes) {
    let first = -Infinity;
    let second = -Infinity;
    let argmax = 0;
    for (let k = 0; k < classes; k++) {
      const z = logits[row + k] as number;
      if (z > first) {
        second = first;
        first = z;
        argmax = k;
      } else if (z > second) second = z;
    }
    let sum = 0;
    if (loss === "cross-entropy")
      for (let k = 0; k < classes; k++) sum += Math.exp((logits[row + k] as number) - first);
    for (let c = 0; c < classes; c++) {
      const z = logits[row + c] as number;
      out[row + c] =
        loss === "cross-entropy" ? first + Math.log(sum) - z : Math.max(0, 1 + (c === argmax ? second : first) - z);
    }
  }
  return out;
}
