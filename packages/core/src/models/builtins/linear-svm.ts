/**
 * Linear SVM trained on the hinge loss (Crammer-Singer for more than two classes), with the
 * objective (1/2)||w||^2 + C sum_i hinge_i written per example as mean hinge + ||w||^2/(2 C n).
 * The model of Biggio, Nelson, Laskov 2012's poisoning attack.
 *
 * `solver: sgd` trains it like every network, by the grid's optimizer. `solver: exact` solves the
 * objective itself, as LIBSVM would, because attacks that differentiate through the optimum
 * (gradient-poisoning) assume the victim reaches it, and SGD on a non-smooth hinge with a small
 * regularizer stops far from it (on 101 MNIST points, 300 and 3,000 epochs disagree by up to 17 pp
 * of test error). The exact fit is Newton-CG on the smooth hinge tau * logsumexp((z + margin) / tau),
 * which is within tau * ln K of the hinge per example, with tau lowered from 0.05 to 5e-4 and each
 * solve warm-started from the last.
 *
 * With two classes the Crammer-Singer weights settle at w1 = -w0, so this model with C equals the
 * binary SVM with 2C on v = w1 - w0.
 */

import { z } from "zod";
import { tf } from "../../backend/tf.js";
import { exampleSize } from "../../datasets/labeled-arrays.js";
import { fitLinear, linearData, objective } from "../../training/linear-learner.js";
import { buildLinearLayer } from "../architectures/linear-layer.js";
import { defineModel } from "../define-model.js";

/** The smoothing of the exact solver's continuation; the last one bounds its distance from the hinge. */
const SMOOTHING = [0.05, 0.01, 0.002, 0.0005];

export const linearSvm = defineModel({
  name: "linear-svm",
  summary: "linear SVM, hinge loss with C-regularization (multiclass: Crammer-Singer); SGD or an exact solve",
  citation:
    "C. Cortes, V. Vapnik. Support-vector networks. Machine Learning 20(3), 1995; K. Crammer, Y. Singer. JMLR 2, 2001.",
  params: z
    .object({
      C: z.number().positive().default(1),
      solver: z
        .enum(["sgd", "exact"])
        .default("sgd")
        .describe("sgd: the grid's training config; exact: the objective's minimizer (small training sets)"),
    })
    .strict(),
  loss: "multiclass-hinge",
  provides: ["gradients", "per-example-gradients"],
  build: (_params, ctx) => buildLinearLayer(ctx),
  regularizer: ({ C }, model, trainSize) =>
    tf.tidy(() => {
      const kernel = model.getLayer("logits").getWeights()[0] as tf.Tensor;
      return tf.div(tf.sum(tf.square(kernel)), 2 * C * trainSize) as tf.Scalar;
    }),
  fitsDirectly: ({ solver }) => solver === "exact",
  fitDirect: ({ C }, model, data, { classes }) => {
    const n = data.labels.length;
    const d = exampleSize(data);
    const linear = linearData({ ...data, classes });
    const lambda = 1 / (C * n);
    let w: Float64Array | undefined;
    for (const tau of SMOOTHING) w = fitLinear(linear, { tau, margin: 1 }, lambda, w, { maxIterations: 200 });
    const solved = w as Float64Array;
    const kernel = new Float32Array(d * classes);
    const bias = new Float32Array(classes);
    for (let k = 0; k < classes; k++) {
      for (let j = 0; j < d; j++) kernel[j * classes + k] = solved[k * (d + 1) + j] as number;
      bias[k] = solved[k * (d + 1) + d] as number;
    }
    const weights = [tf.tensor2d(kernel, [d, classes]), tf.tensor1d(bias)];
    model.getLayer("logits").setWeights(weights);
    for (const t of weights) t.dispose();
    // The hinge itself (tau -> 0), per example as the SGD solver's loss, so the two compare.
    return {
      objective: objective(solved, linear, { tau: 1e-12, margin: 1 }, lambda),
      smoothing: SMOOTHING.at(-1) as number,
    };
  },
});
