import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select-backend.js";
import { sparseSoftmaxCrossEntropy } from "./sparse-softmax-cross-entropy.js";

beforeAll(async () => {
  await selectBackend("cpu");
});

describe("sparseSoftmaxCrossEntropy", () => {
  it("equals the hand-computed loss", () => {
    // Row 0: logits [0, ln 3] with label 1: p = 3/4, loss = ln(4/3). Row 1: [2, 2] label 0: ln 2.
    const logits = tf.tensor2d([
      [0, Math.log(3)],
      [2, 2],
    ]);
    const loss = sparseSoftmaxCrossEntropy(logits, tf.tensor1d([1, 0], "int32"), 2);
    expect(loss.dataSync()[0]).toBeCloseTo((Math.log(4 / 3) + Math.log(2)) / 2, 6);
  });

  it("matches tf.losses.softmaxCrossEntropy in value and gradient", () => {
    const logits = tf.randomNormal([17, 5], 0, 3, "float32", 4) as tf.Tensor2D;
    const labels = tf.tensor1d([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1], "int32");
    const ours = tf.valueAndGrad((z: tf.Tensor) => sparseSoftmaxCrossEntropy(z as tf.Tensor2D, labels, 5))(logits);
    const theirs = tf.valueAndGrad(
      (z: tf.Tensor) => tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 5), z) as tf.Scalar,
    )(logits);
    expect(ours.value.dataSync()[0]).toBeCloseTo(theirs.value.dataSync()[0] as number, 5);
    const a = ours.grad.dataSync();
    const b = theirs.grad.dataSync();
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i] as number, 6);
  });

  it("stays finite for extreme logits", () => {
    const loss = sparseSoftmaxCrossEntropy(tf.tensor2d([[1000, -1000]]), tf.tensor1d([1], "int32"), 2);
    expect(loss.dataSync()[0]).toBeCloseTo(2000, 3);
  });
});
