/**
 * Linear SVM trained on the hinge loss (Crammer-Singer for more than two classes), with the
 * objective (1/2)||w||^2 + C sum_i hinge_i written per example as mean hinge + ||w||^2/(2 C n).
 * The model of Biggio, Nelson, Laskov 2012's poisoning attack.
 */
import * as tf from "@tensorflow/tfjs";
import { z } from "zod";
import { defineModel } from "../define-model.js";
import { logisticRegression } from "./logistic-regression.js";

export const linearSvm = defineModel({
  name: "linear-svm",
  summary: "linear SVM, hinge loss with C-regularization (multiclass: Crammer-Singer)",
  citation:
    "C. Cortes, V. Vapnik. Support-vector networks. Machine Learning 20(3), 1995; K. Crammer, Y. Singer. JMLR 2, 2001.",
  params: z.object({ C: z.number().positive().default(1) }).strict(),
  loss: "multiclass-hinge",
  provides: ["gradients", "per-example-gradients"],
  build: (_params, ctx) => logisticRegression.build({}, ctx),
  regularizer: ({ C }, model, trainSize) =>
    tf.tidy(() => {
      const kernel = model.getLayer("logits").getWeights()[0] as tf.Tensor;
      return tf.div(tf.sum(tf.square(kernel)), 2 * C * trainSize) as tf.Scalar;
    }),
});
