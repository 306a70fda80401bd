/**
 * The sanitize kind: the defense scores the training set and removes (or relabels) examples,
 * reading the trained poisoned model when it declares that need; a fresh model trains on what it
 * keeps. Measured: that model's metrics, what was removed and flagged, and, for a poisoned cell,
 * detection against the poison mask. Its cost is two trainings.
 */
import { detectionMetrics } from "@hemlock/core";
import { count, detectionValues, epochs, prefixed } from "./cell-metrics.js";
import type { DefenseKindEntry } from "./defense-kind.js";

export const sanitizeKind: DefenseKindEntry = {
  plan: (p) => p.trainOn(p.sanitized(p.config.defense)),
  measure: async (c) => {
    // The cell's own sanitized set is the last in its chain (a compared defense's comes before).
    const own = [...c.chain].reverse().find((k) => c.kindOf(k) === "sanitized-data") as string;
    const s = await c.sanitized(own);
    const retrained = c.chain[c.chain.length - 2] as string;
    const model = await c.trainedModel(retrained, s.kept);
    return {
      ...c.predictions(model),
      removed: count(s.removed),
      flagged: count(s.flagged),
      ...(c.poisoned ? detectionValues("detection", detectionMetrics(s.scores, s.flagged, c.poisoned.mask)) : {}),
      ...prefixed("defense", s.diagnostics),
      trainingPasses: 2 * epochs(c.config),
    };
  },
};
