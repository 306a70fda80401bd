/** Trains with a training-time defense (partition aggregation) from a spec, giving its predictor. */
import type { DefendedPredictor, TrainDefenseInput } from "./define-defense.js";
import { type DefenseSpec, resolveDefenseOfKind } from "./resolve-defense.js";

export function trainDefended(
  spec: DefenseSpec | string,
  input: Omit<TrainDefenseInput, "where"> & { where?: string },
): DefendedPredictor {
  const where = input.where ?? "defense";
  const { plugin, params } = resolveDefenseOfKind(spec, "train", where);
  return plugin.train(params, { ...input, where });
}
