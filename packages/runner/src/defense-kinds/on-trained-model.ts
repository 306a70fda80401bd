/**
 * The plan of a kind that works on the trained poisoned model with the defender's clean holdout
 * (repair, detect-input): one artifact made from that model, keyed by the holdout's size too.
 */
import type { KindPlanning } from "./defense-kind.js";

export function onTrainedModel(p: KindPlanning): string {
  return p.defended([p.poisonedModel()], { defense: p.config.defense, seed: p.config.seed, holdout: p.config.holdout });
}
