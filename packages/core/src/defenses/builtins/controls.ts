/**
 * The control arms every defense table needs (as BackdoorBench and the certified-defense papers
 * report them): `none` trains on everything; `perfect-filter` removes exactly the poisoned
 * examples (reading the ground truth, which no real defense has), bounding what filtering can
 * achieve; `random-filter` removes as many examples as the defense under comparison, at random,
 * so a defense's gain can be told apart from the effect of training on less data.
 */
import { z } from "zod";
import { HemlockError } from "../../errors.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { defineDefense } from "../define-defense.js";

export const noDefense = defineDefense({
  name: "none",
  summary: "control: no defense; the model trains on the whole training set",
  citation: "The undefended baseline of every defense evaluation.",
  kind: "baseline",
  params: z.object({}).strict(),
  needs: [],
  requires: [],
});

export const perfectFilter = defineDefense({
  name: "perfect-filter",
  summary: "control: removes exactly the poisoned examples (reads the ground-truth mask)",
  citation: "The oracle sanitizer, an upper bound on filtering defenses (e.g. Steinhardt, Koh, Liang 2017).",
  kind: "sanitize",
  params: z.object({}).strict(),
  needs: ["poison-mask"],
  requires: [],
  sanitize: (_params, { mask }) => {
    const removed = Uint8Array.from(mask as Uint8Array);
    return { scores: Float32Array.from(removed), removed };
  },
});

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
