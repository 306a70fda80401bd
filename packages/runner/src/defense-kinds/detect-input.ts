/**
 * The detect-input kind: a detector fitted on the trained poisoned model and the defender's
 * clean holdout flags inputs at inference (STRIP). Measured: the model's own metrics and, for a
 * backdoor, how many triggered and clean measurement inputs the detector flags.
 */
import { evaluateInputDetector, fitInputDetector } from "@hemlock/core";
import { detectionValues, epochs, prefixed } from "./cell-metrics.js";
import type { DefenseKindEntry } from "./defense-kind.js";
import { onTrainedModel } from "./on-trained-model.js";

export const detectInputKind: DefenseKindEntry = {
  plan: onTrainedModel,
  measure: async (c) => {
    const model = await c.poisonedModel();
    const detector = fitInputDetector(c.config.defense, { model, holdout: c.holdout, seed: c.config.seed });
    return {
      ...c.predictions(model),
      ...(c.triggeredMeasure
        ? detectionValues("inputDetection", evaluateInputDetector(detector, c.measure, c.triggeredMeasure))
        : {}),
      ...prefixed("defense", detector.diagnostics),
      trainingPasses: epochs(c.config),
    };
  },
};
