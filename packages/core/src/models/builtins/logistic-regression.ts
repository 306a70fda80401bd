/** Multinomial logistic regression: one dense layer on the flattened input, softmax cross-entropy. */
import * as tf from "@tensorflow/tfjs";
import { z } from "zod";
import { SeededRandom } from "../../random/seeded-random.js";
import { defineModel } from "../define-model.js";
import { glorotUniform } from "../seeded-initializers.js";

export const logisticRegression = defineModel({
  name: "logistic-regression",
  summary: "multinomial logistic regression (softmax on a linear layer)",
  citation: "D.R. Cox. The regression analysis of binary sequences. JRSS B 20(2), 1958.",
  params: z.object({}).strict(),
  loss: "cross-entropy",
  provides: ["gradients", "per-example-gradients"],
  build: (_params, { inputShape, classes, seed }) => {
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
  },
});
