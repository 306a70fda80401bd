/**
 * The surrogate model of attacks that optimize against a model (ALFA, label-consistent, feature
 * collision): a model spec and a training configuration in the attack's parameters, trained on
 * the clean training set with a seed derived from the attack's, so the poison is fixed by its seed.
 */
import { z } from "zod";
import type { Dataset } from "../datasets/dataset.js";
import { Classifier } from "../models/classifier.js";
import { deriveSeed } from "../random/seeded-random.js";

/** The parameters an attack with a surrogate declares, with that attack's defaults. */
export function surrogateParams(defaults: { model: string; train: Record<string, unknown> }) {
  return {
    /** The surrogate's model spec, e.g. {name: mlp, hidden: [128]}. */
    surrogate: z.looseObject({ name: z.string() }).default({ name: defaults.model }),
    /** How the surrogate is trained (the `train` block of an experiment). */
    surrogateTrain: z.record(z.string(), z.unknown()).default(defaults.train),
  };
}

export function trainSurrogate(
  data: Dataset,
  params: { surrogate: { name: string } & Record<string, unknown>; surrogateTrain: Record<string, unknown> },
  seed: number,
  where: string,
): Classifier {
  const surrogateSeed = deriveSeed(seed, "surrogate");
  const model = Classifier.create(
    params.surrogate,
    { inputShape: data.exampleShape, classes: data.classes, seed: surrogateSeed },
    `${where}.surrogate`,
  );
  try {
    model.fit(data, params.surrogateTrain, { seed: surrogateSeed, where: `${where}.surrogateTrain` });
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}
