/**
 * TRIM (Jagielski et al. 2018): trimmed optimization. With p the expected number of poisons, the
 * model is trained on a subset of n - p examples, every training example's loss is computed, and
 * the n - p with the lowest loss become the next subset; this repeats until the subset stops
 * changing (or `iterations` run out). The p examples outside the final subset are removed; the
 * score is each example's loss under the final model.
 */
import { z } from "zod";
import { gatherBatch } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { defineDefense } from "../define-defense.js";

export const trim = defineDefense({
  name: "trim",
  summary: "retrains on the n - p lowest-loss examples until the subset is stable; removes the rest",
  citation:
    "M. Jagielski, A. Oprea, B. Biggio, C. Liu, C. Nita-Rotaru, B. Li. Manipulating machine learning: poisoning attacks and countermeasures for regression learning. IEEE S&P 2018.",
  kind: "sanitize",
  params: z
    .object({
      /** Expected poisoned fraction; the cell's rate if omitted. */
      epsilon: z.number().gt(0).lt(1).optional(),
      iterations: z.number().int().min(1).max(100).default(10),
    })
    .strict(),
  needs: ["retrain", "expected-rate"],
  requires: [],
  sanitize: (params, { train, retrain, expectedPoisonRate, seed, where }) => {
    const epsilon = params.epsilon ?? expectedPoisonRate;
    if (epsilon === undefined || epsilon <= 0)
      throw new HemlockError("INVALID_PARAMS", `${where}.epsilon: trim needs the expected poisoned fraction`);
    const n = train.labels.length;
    const keep = n - Math.round(epsilon * n);
    // Start from a random subset of the right size, as the paper's random initialization.
    let subset = Array.from(new SeededRandom(seed).fork("trim-init").permutation(n).subarray(0, keep)).sort(
      (a, b) => a - b,
    );
    let losses: Float32Array = new Float32Array(n);
    let rounds = 0;
    for (let it = 0; it < params.iterations; it++) {
      rounds++;
      const model = (retrain as NonNullable<typeof retrain>)({ ...train, ...gatherBatch(train, subset) });
      losses = model.perExampleLoss(train);
      model.dispose();
      const next = [...losses.keys()]
        .sort((a, b) => (losses[a] as number) - (losses[b] as number) || a - b)
        .slice(0, keep)
        .sort((a, b) => a - b);
      const same = next.length === subset.length && next.every((v, k) => v === subset[k]);
      subset = next;
      if (same) break;
    }
    const removed = new Uint8Array(n).fill(1);
    for (const i of subset) removed[i] = 0;
    return { scores: losses, removed, diagnostics: { rounds } };
  },
});
