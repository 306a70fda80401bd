/**
 * The train kind: the defense trains in place of plain training (partition aggregation, bagging,
 * DP-SGD), from the poisoned data, returning a predictor and, when certified, certificates.
 * Measured: the predictor's metrics, certified accuracy at each radius, and its cost in passes.
 */
import { trainDefended } from "@hemlock/core";
import { certifiedValues, epochs, prefixed } from "./cell-metrics.js";
import type { DefenseKindEntry } from "./defense-kind.js";

export const trainKind: DefenseKindEntry = {
  plan: (p) =>
    p.defended([p.poisoned], {
      defense: p.config.defense,
      seed: p.config.seed,
      model: p.config.model,
      train: p.config.train,
    }),
  measure: async (c) => {
    const predictor = trainDefended(c.config.defense, {
      train: c.trainSet,
      model: c.config.model,
      trainConfig: c.config.train,
      seed: c.config.seed,
    });
    try {
      return {
        ...c.predictions(predictor),
        ...(predictor.certify ? certifiedValues(predictor.certify, c.measure) : {}),
        ...prefixed("defense", predictor.diagnostics),
        trainingPasses: predictor.trainingPasses * epochs(c.config),
      };
    } finally {
      predictor.dispose();
    }
  },
};
