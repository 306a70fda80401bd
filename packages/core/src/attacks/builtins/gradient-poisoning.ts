/**
 * Gradient-based poisoning of linear models: Biggio, Nelson, Laskov 2012 for the SVM and the
 * logistic-regression variant of Demontis et al. 2019. Attack points start as copies of training
 * examples with the attacker's label, then move by projected gradient ascent on the attacker's
 * validation loss of the model retrained with them, within the feature box.
 * The gradient comes from implicit differentiation of the retrained optimum (implicit-gradient.ts),
 * which for the SVM's KKT conditions is Biggio's derivation; one solve serves every attack point,
 * so they all move together. Steps are normalized, projected on the box's active faces, and
 * halved when the validation loss fails to rise; the best points found are kept.
 */
import { z } from "zod";
import { exampleSize } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import {
  fitLinear,
  type LinearData,
  linearData,
  meanLossAndGradient,
  type SmoothLoss,
} from "../../training/linear-learner.js";
import { applyPoison, choosePoisonIndices } from "../crafting/apply-poison.js";
import { defineAttack } from "../define-attack.js";
import { boxDiagonal, clipToBounds, featureBounds } from "../optimization/feature-bounds.js";
import { validationLossGradients } from "../optimization/implicit-gradient.js";
import { attackerLabel, poisonSemanticsSchema, semanticsOf } from "../poison-semantics.js";

export const gradientPoisoning = defineAttack({
  name: "gradient-poisoning",
  summary: "attack points optimized by gradient ascent on the validation loss of a retrained linear SVM or LR",
  citation:
    "B. Biggio, B. Nelson, P. Laskov. Poisoning attacks against support vector machines. ICML 2012; A. Demontis et al. Why do adversarial attacks transfer? USENIX Security 2019.",
  kind: "optimized",
  domains: ["image", "tabular"],
  params: z
    .object({
      ...poisonSemanticsSchema,
      rateOf: z.literal("all").default("all"),
      /** The learner the attacker differentiates through: Biggio's SVM or Demontis's logistic regression. */
      learner: z.enum(["svm", "logistic"]).default("svm"),
      /** Regularization as in (1/2)||w||^2 + C sum_i loss_i, the form of linear-svm's C. */
      C: z.number().positive().default(1),
      /** Smoothing of the SVM hinge (the hinge is the limit tau -> 0). */
      tau: z.number().positive().max(1).default(0.05),
      /** Gradient-ascent iterations. */
      steps: z.number().int().min(1).max(10000).default(100),
      /** First step length, as a fraction of the feature box's diagonal; halved when a step fails. */
      stepSize: z.number().positive().max(1).default(0.05),
    })
    .strict(),
  poison: (clean, params, { rate, seed, alloc, where, validation }) => {
    const semantics = semanticsOf(params, rate);
    const relabel = (label: number) => attackerLabel(semantics, label, clean.classes);
    const indices = choosePoisonIndices(clean, semantics, (label) => relabel(label) !== label, seed, where);
    const poisoned = applyPoison(clean, indices, params.mode, alloc, undefined, relabel);
    const slots = [...poisoned.mask.keys()].filter((i) => poisoned.mask[i] === 1);
    const outcome = optimizeAttackPoints(poisoned.train, slots, linearData(validation ?? clean), {
      loss: params.learner === "svm" ? { tau: params.tau, margin: 1 } : { tau: 1, margin: 0 },
      C: params.C,
      steps: params.steps,
      stepSize: params.stepSize,
      bounds: featureBounds(clean),
      where,
    });
    return { ...poisoned, semantics, diagnostics: outcome };
  },
});

interface AscentOptions {
  loss: SmoothLoss;
  C: number;
  steps: number;
  stepSize: number;
  bounds: ReturnType<typeof featureBounds>;
  where: string;
}

/**
 * Moves the attack points (rows `slots` of `train`, modified in place) to maximize the validation
 * loss of the linear model retrained on `train`. Keeps the best points found.
 */
function optimizeAttackPoints(
  train: { x: Float32Array; labels: Int32Array; classes: number; exampleShape: number[] },
  slots: number[],
  validation: LinearData,
  options: AscentOptions,
): Record<string, number> {
  const data = linearData(train);
  const { d } = data;
  if (validation.d !== d)
    throw new HemlockError(
      "INCOMPATIBLE",
      `${options.where}: validation examples have ${validation.d} features, not ${d}`,
    );
  const n = train.labels.length;
  const lambda = 1 / (options.C * n);
  const size = exampleSize(train);
  const validationLoss = (w: Float64Array) => meanLossAndGradient(w, validation, options.loss);
  let w = fitLinear(data, options.loss, lambda);
  const initialLoss = validationLoss(w);
  if (slots.length === 0) return { validationLossBefore: initialLoss, validationLossAfter: initialLoss, steps: 0 };

  let best = initialLoss;
  let saved = slots.map((s) => train.x.slice(s * size, (s + 1) * size));
  let step = options.stepSize * boxDiagonal(options.bounds);
  const minStep = step / 1024;
  let taken = 0;
  for (let iteration = 0; iteration < options.steps && step >= minStep; iteration++) {
    const gradients = validationLossGradients(w, data, validation, options.loss, lambda, slots);
    slots.forEach((slot, s) => {
      const direction = gradients[s] as Float64Array;
      // Project the direction onto the box's active faces, so steps are not wasted against the walls.
      const example = train.x.subarray(slot * size, (slot + 1) * size);
      let norm = 0;
      for (let j = 0; j < d; j++) {
        const x = example[j] as number;
        const dj = direction[j] as number;
        if ((x <= (options.bounds.lo[j] as number) && dj < 0) || (x >= (options.bounds.hi[j] as number) && dj > 0))
          direction[j] = 0;
        else norm += dj * dj;
      }
      norm = Math.sqrt(norm);
      if (norm === 0) return;
      for (let j = 0; j < d; j++) example[j] = (example[j] as number) + (step * (direction[j] as number)) / norm;
      clipToBounds(example, options.bounds);
    });
    const candidate = fitLinear(data, options.loss, lambda, w);
    const loss = validationLoss(candidate);
    if (loss > best) {
      best = loss;
      w = candidate;
      saved = slots.map((s) => train.x.slice(s * size, (s + 1) * size));
      taken++;
    } else {
      slots.forEach((s, k) => {
        train.x.set(saved[k] as Float32Array, s * size);
      });
      step /= 2;
    }
  }
  return { validationLossBefore: initialLoss, validationLossAfter: best, steps: taken };
}
