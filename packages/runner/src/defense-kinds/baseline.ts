/**
 * The baseline kind (the `none` control): the model trained on the data as it is, measured as
 * it is. Its cost is one training.
 */
import { epochs } from "./cell-metrics.js";
import type { DefenseKindEntry } from "./defense-kind.js";

export const baselineKind: DefenseKindEntry = {
  plan: (p) => p.poisonedModel(),
  measure: async (c) => ({ ...c.predictions(await c.poisonedModel()), trainingPasses: epochs(c.config) }),
};
