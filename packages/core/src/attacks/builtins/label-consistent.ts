/**
 * Label-consistent backdoor (Turner, Tsipras, Madry 2019): target-class training images are made
 * hard to classify by an untargeted PGD perturbation against a surrogate model, within an L-inf
 * bound epsilon, and then carry the trigger. Labels are unchanged, so the poisons look correctly
 * labelled; because their natural features are destroyed, the model leans on the trigger. The
 * trigger is BadNets' (a 3x3 white patch at the bottom-right by default), full-strength at test.
 * (The paper's GAN-interpolation variant is not implemented.)
 */
import { z } from "zod";
import { exampleSize, gatherBatch } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { applyPoison, choosePoisonIndices, craftedRows } from "../crafting/apply-poison.js";
import { patchTriggerSchema, stampPixels, triggerPixels } from "../crafting/image-trigger.js";
import { defineAttack } from "../define-attack.js";
import { featureBounds } from "../optimization/feature-bounds.js";
import { pgdLinf } from "../optimization/pgd.js";
import { surrogateParams, trainSurrogate } from "../optimization/surrogate.js";
import { cleanLabelSemanticsSchema, semanticsOf } from "../poison-semantics.js";

export const labelConsistent = defineAttack({
  name: "label-consistent",
  summary: "clean-label backdoor: target-class images PGD-perturbed against a surrogate within epsilon, then triggered",
  citation: "A. Turner, D. Tsipras, A. Madry. Label-consistent backdoor attacks. arXiv:1912.02771, 2019.",
  kind: "clean-label",
  domains: ["image"],
  params: z
    .object({
      ...cleanLabelSemanticsSchema,
      trigger: patchTriggerSchema.default({ kind: "patch", size: 3, value: 1, margin: 0 }),
      /** L-inf bound of the perturbation on the 0-255 scale, as in the paper (8 and 16 there). */
      epsilon: z.number().positive().max(255).default(16),
      steps: z.number().int().min(1).max(1000).default(20),
      /** Step size on the 0-255 scale; 2.5 epsilon / steps (Madry et al.) if omitted. */
      stepSize: z.number().positive().optional(),
      ...surrogateParams({
        model: "mlp",
        train: { epochs: 2, batchSize: 128, optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 } },
      }),
    })
    .strict(),
  poison: (clean, params, { rate, seed, alloc, where }) => {
    const semantics = semanticsOf(params, rate);
    if (clean.exampleShape.length !== 3 || clean.domain.kind !== "image")
      throw new HemlockError(
        "INCOMPATIBLE",
        `${where}: label-consistent needs image data, got example shape [${clean.exampleShape.join(", ")}]`,
      );
    const [height, width] = clean.exampleShape as [number, number, number];
    const pixels = triggerPixels(params.trigger, height, width, where);
    const indices = choosePoisonIndices(clean, semantics, (label) => label === params.target, seed, where);
    const scale = (clean.domain.max - clean.domain.min) / 255;
    const epsilon = params.epsilon * scale;
    const perturbed = new Float32Array(indices.length * exampleSize(clean));
    if (indices.length > 0) {
      const surrogate = trainSurrogate(clean, params, seed, where);
      try {
        const batch = gatherBatch(clean, indices);
        perturbed.set(
          pgdLinf(surrogate, batch.x, batch.labels, clean.exampleShape, {
            epsilon,
            steps: params.steps,
            stepSize: params.stepSize !== undefined ? params.stepSize * scale : (2.5 * epsilon) / params.steps,
            bounds: featureBounds(clean),
          }),
        );
      } finally {
        surrogate.dispose();
      }
    }
    const stamp = (x: Float32Array) => stampPixels(x, clean.exampleShape, pixels);
    const poisoned = applyPoison(
      clean,
      indices,
      params.mode,
      alloc,
      craftedRows(indices, perturbed, stamp),
      (label) => label,
    );
    return { ...poisoned, semantics, trigger: stamp };
  },
});
