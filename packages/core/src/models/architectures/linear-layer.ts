/**
 * One dense layer on the flattened input, with seeded Glorot-uniform weights: the architecture of
 * logistic regression and of the linear SVM (which differ only in their loss).
 */
import { tf } from "../../backend/tf.js";
import { SeededRandom } from "../../random/seeded-random.js";
import type { ModelContext } from "../define-model.js";
import { glorotUniform } from "../seeded-initializers.js";

export function buildLinearLayer({ inputShape, classes, seed }: ModelContext): tf.Sequential {
  const random = new SeededRandom(seed).fork("logistic-regression-init");
  const model = tf.sequential({ name: "logistic_regression" });
  if (inputShape.length > 1) model.add(tf.layers.flatten({ inputShape, name: "flatten" }));
  model.add(
    tf.layers.dense({
      ...(inputShape.length === 1 ? { inputShape } : {}),
      units: classes,
      kernelInitializer: glorotUniform(random),
      name: "logits",
    }),
  );
  return model;
}
