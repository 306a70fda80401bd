/** Multinomial logistic regression: one dense layer on the flattened input, softmax cross-entropy. */

import { z } from "zod";
import { buildLinearLayer } from "../architectures/linear-layer.js";
import { defineModel } from "../define-model.js";

export const logisticRegression = defineModel({
  name: "logistic-regression",
  summary: "multinomial logistic regression (softmax on a linear layer)",
  citation: "D.R. Cox. The regression analysis of binary sequences. JRSS B 20(2), 1958.",
  params: z.object({}).strict(),
  loss: "cross-entropy",
  provides: ["gradients", "per-example-gradients"],
  build: (_params, ctx) => buildLinearLayer(ctx),
});
