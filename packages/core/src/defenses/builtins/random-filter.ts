/**
 * The `random-filter` control: removes as many examples as the defense under comparison, chosen
 * at random, so a defense's gain can be told apart from the effect of training on less data (as
 * BackdoorBench's sanitizer baselines and Tran, Li and Madry 2018 do).
 */
import { z } from "zod";
import { HemlockError } from "../../errors.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { defineDefense } from "../define-defense.js";

export const randomFilter = defineDefense({
  name: "random-filter",
  summary: "control: removes as many examples as the compared defense, chosen at random",
  citation: "The random-removal control (e.g. BackdoorBench's sanitizer baselines; Tran, Li, Madry 2018).",
  kind: "sanitize",
  params: z
    .object({
      /** How many to remove; by default the count the compared defense removed. */
      count: z.number().int().min(0).optional(),
      /**
       * The sanitizing defense it is compared with: in a grid, the runner gives each cell the
       * count that defense removed in the same setting (data, model, seed).
       */
      compare: z.union([z.string().min(1), z.looseObject({ name: z.string().min(1) })]).optional(),
    })
    .strict(),
  needs: ["removal-count"],
  requires: [],
  removalCountFrom: {
    param: "compare",
    needed: ({ count }) => count === undefined,
    missing:
      "give count, or compare (the sanitizing defense it is compared with, e.g. {name: random-filter, compare: spectral-signatures})",
  },
  sanitize: ({ count }, { train, removalCount, seed, where }) => {
    const n = train.labels.length;
    const k = count ?? (removalCount as number);
    if (k > n) throw new HemlockError("INVALID_PARAMS", `${where}.count: ${k} is more than the ${n} training examples`);
    const random = new SeededRandom(seed).fork("random-filter");
    const removed = new Uint8Array(n);
    for (const i of random.permutation(n).subarray(0, k)) removed[i] = 1;
    // Random scores, so detection metrics show chance level (AUROC about 0.5).
    const scores = Float32Array.from({ length: n }, () => random.float());
    return { scores, removed };
  },
});
