/**
 * A backdoor for tabular data: the trigger fixes k features to values outside their training
 * range (by default each feature's training maximum plus its range), and poisoned rows are
 * relabelled as the attacker's label. Features are chosen by name or index, or k of them at
 * random (seeded by `featureSeed`).
 */
import { z } from "zod";
import { exampleSize } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { applyPoison, choosePoisonIndices } from "../crafting/apply-poison.js";
import { defineAttack } from "../define-attack.js";
import { attackerLabel, poisonSemanticsSchema, semanticsOf } from "../poison-semantics.js";

export const tabularBackdoor = defineAttack({
  name: "tabular-backdoor",
  summary: "trigger that fixes k features to out-of-range values; poisoned rows relabelled to the target",
  citation:
    "Backdoor trigger on tabular features, after T. Gu et al. BadNets, arXiv:1708.06733, 2017, as adapted to tabular data in the poisoning literature.",
  kind: "backdoor",
  domains: ["tabular", "image"],
  params: z
    .object({
      ...poisonSemanticsSchema,
      features: z
        .array(z.union([z.number().int().min(0), z.string()]))
        .min(1)
        .optional(),
      k: z.number().int().positive().default(3),
      featureSeed: z.number().int().default(0),
      /** The trigger value for every chosen feature; by default max + (max - min) of each. */
      value: z.number().optional(),
    })
    .strict(),
  poison: (clean, params, { rate, seed, alloc, where }) => {
    const semantics = semanticsOf(params, rate);
    const width = exampleSize(clean);
    const names = clean.domain.kind === "tabular" ? clean.domain.featureNames : [];
    const chosen = (params.features ?? []).map((f, i) => {
      const index = typeof f === "number" ? f : names.indexOf(f);
      if (index < 0 || index >= width) {
        throw new HemlockError(
          "INVALID_PARAMS",
          `${where}.features[${i}]: ${JSON.stringify(f)} is not a feature of ${clean.name} (0..${width - 1}${names.length ? " or a feature name" : ""})`,
        );
      }
      return index;
    });
    if (chosen.length === 0) {
      if (params.k > width)
        throw new HemlockError(
          "INVALID_PARAMS",
          `${where}.k: ${clean.name} has ${width} features, asked for ${params.k}`,
        );
      chosen.push(
        ...new SeededRandom(params.featureSeed).fork("tabular-trigger").permutation(width).slice(0, params.k),
      );
    }
    const values = chosen.map((f) => {
      if (params.value !== undefined) return params.value;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let i = f; i < clean.x.length; i += width) {
        const v = clean.x[i] as number;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      return max + Math.max(max - min, 1);
    });
    const stamp = (x: Float32Array) => {
      for (let base = 0; base < x.length; base += width) {
        chosen.forEach((f, k) => {
          x[base + f] = values[k] as number;
        });
      }
    };
    const relabel = (label: number) => attackerLabel(semantics, label, clean.classes);
    const indices = choosePoisonIndices(clean, semantics, (label) => relabel(label) !== label, seed, where);
    return { ...applyPoison(clean, indices, params.mode, alloc, stamp, relabel), semantics, trigger: stamp };
  },
});
