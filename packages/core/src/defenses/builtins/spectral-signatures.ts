/**
 * Spectral signatures (Tran, Li, Madry 2018): within each label, poisons leave a trace along the
 * top singular direction of the centred penultimate-layer representations. Each example's score
 * is its squared projection on that direction; per label the defense removes the
 * removeFactor x epsilon x n_label highest scores (1.5 epsilon in the paper, epsilon an upper bound
 * on the poisoned fraction), so by design it removes more than it must and its precision is capped.
 */
import { z } from "zod";
import { HemlockError } from "../../errors.js";
import { classGroups } from "../analysis/class-groups.js";
import { principalProjection } from "../analysis/principal-directions.js";
import { defineDefense } from "../define-defense.js";

export const spectralSignatures = defineDefense({
  name: "spectral-signatures",
  summary: "removes, per label, the examples with the largest projection on the top singular direction of the features",
  citation: "B. Tran, J. Li, A. Madry. Spectral signatures in backdoor attacks. NeurIPS 2018.",
  kind: "sanitize",
  params: z
    .object({
      /** Upper bound on the poisoned fraction of a label; the cell's poisoning rate if omitted. */
      epsilon: z.number().gt(0).lt(1).optional(),
      removeFactor: z.number().positive().default(1.5),
    })
    .strict(),
  needs: ["poisoned-model", "expected-rate"],
  requires: ["features"],
  sanitize: (params, { train, model, expectedPoisonRate, seed, where }) => {
    const epsilon = params.epsilon ?? expectedPoisonRate;
    if (epsilon === undefined || epsilon <= 0)
      throw new HemlockError(
        "INVALID_PARAMS",
        `${where}.epsilon: spectral signatures needs the expected poisoned fraction; give epsilon (the cell's rate is ${expectedPoisonRate ?? "unknown"})`,
      );
    const { values, dim } = model?.features(train) ?? { values: new Float32Array(), dim: 0 };
    const n = train.labels.length;
    const scores = new Float32Array(n);
    const removed = new Uint8Array(n);
    for (const group of classGroups(train.labels, train.classes, values, dim)) {
      const m = group.indices.length;
      if (m < 2) continue;
      const projections = principalProjection(group.features, m, dim, 1, seed);
      const local = group.indices.map((index, k) => {
        scores[index] = (projections[k] as number) ** 2;
        return index;
      });
      const count = Math.min(m, Math.round(params.removeFactor * epsilon * m));
      local.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
      for (const index of local.slice(0, count)) removed[index] = 1;
    }
    return { scores, removed };
  },
});
