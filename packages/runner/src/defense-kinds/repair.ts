/**
 * The repair kind: the defense changes a copy of the trained poisoned model with the defender's
 * clean holdout (Fine-Pruning, Neural Cleanse). Measured: the repaired model's metrics.
 */
import { repairModel } from "@hemlock/core";
import { epochs, prefixed } from "./cell-metrics.js";
import type { DefenseKindEntry } from "./defense-kind.js";
import { onTrainedModel } from "./on-trained-model.js";

export const repairKind: DefenseKindEntry = {
  plan: onTrainedModel,
  measure: async (c) => {
    const repaired = repairModel(c.config.defense, {
      model: await c.poisonedModel(),
      holdout: c.holdout,
      seed: c.config.seed,
    });
    try {
      return {
        ...c.predictions(repaired.model),
        ...prefixed("defense", repaired.diagnostics),
        trainingPasses: epochs(c.config),
      };
    } finally {
      repaired.model.dispose();
    }
  },
};
