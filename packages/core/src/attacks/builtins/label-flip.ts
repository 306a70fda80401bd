/**
 * Label flipping. `random`: each poisoned example gets a class drawn uniformly from the other
 * classes. `class-pair`: examples of class `source` are relabelled as `target`. Features are
 * untouched, so there is no test-time trigger.
 */
import { z } from "zod";
import { HemlockError } from "../../errors.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { applyPoison, choosePoisonIndices } from "../crafting/apply-poison.js";
import { defineAttack } from "../define-attack.js";
import { poisonSemanticsSchema, semanticsOf } from "../poison-semantics.js";

export const labelFlip = defineAttack({
  name: "label-flip",
  summary: "flip labels at random (to another class) or from a source class to the target",
  citation: "B. Biggio, B. Nelson, P. Laskov. Support vector machines under adversarial label noise. ACML 2011.",
  kind: "label-flip",
  domains: ["image", "tabular"],
  params: z
    .object({
      ...poisonSemanticsSchema,
      strategy: z.enum(["random", "class-pair"]).default("random"),
      /** For class-pair: the class whose examples are flipped to `target`. */
      source: z.number().int().min(0).optional(),
    })
    .strict(),
  poison: (clean, params, { rate, seed, alloc, where }) => {
    const semantics = semanticsOf(params, rate);
    const K = clean.classes;
    if (params.strategy === "class-pair") {
      if (params.source === undefined || params.source >= K || params.source === params.target) {
        throw new HemlockError(
          "INVALID_PARAMS",
          `${where}.source: class-pair needs a source class in 0..${K - 1} other than target ${params.target}, got ${params.source ?? "nothing"}`,
        );
      }
    }
    const eligible = (label: number) => (params.strategy === "class-pair" ? label === params.source : true);
    const indices = choosePoisonIndices(clean, semantics, eligible, seed, where);
    const draw = new SeededRandom(seed).fork("flip-labels");
    const relabel = (label: number) => {
      if (params.strategy === "class-pair") return params.target;
      const other = draw.int(K - 1);
      return other >= label ? other + 1 : other;
    };
    return { ...applyPoison(clean, indices, params.mode, alloc, undefined, relabel), semantics };
  },
});
