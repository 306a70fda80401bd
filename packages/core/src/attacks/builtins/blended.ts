/**
 * Blended injection (Chen, Liu, Li, Lu, Song 2017): poisoned images become
 * (1 - alpha) x + alpha p for a fixed pattern p (seeded uniform noise by default, or given
 * values), and are relabelled as the attacker's label. alpha defaults to 0.2.
 */
import { z } from "zod";
import { exampleSize } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { applyPoison, choosePoisonIndices } from "../crafting/apply-poison.js";
import { defineAttack } from "../define-attack.js";
import { attackerLabel, poisonSemanticsSchema, semanticsOf } from "../poison-semantics.js";

export const blended = defineAttack({
  name: "blended",
  summary: "blend a fixed noise or image pattern into poisoned images at alpha, relabel to the target",
  citation:
    "X. Chen, C. Liu, B. Li, K. Lu, D. Song. Targeted backdoor attacks on deep learning systems using data poisoning. arXiv:1712.05526, 2017.",
  kind: "backdoor",
  domains: ["image"],
  params: z
    .object({
      ...poisonSemanticsSchema,
      alpha: z.number().gt(0).max(1).default(0.2),
      pattern: z
        .discriminatedUnion("kind", [
          z.object({ kind: z.literal("noise"), seed: z.number().int().default(0) }).strict(),
          z.object({ kind: z.literal("image"), values: z.array(z.number().min(0).max(1)).min(1) }).strict(),
        ])
        .default({ kind: "noise", seed: 0 }),
    })
    .strict(),
  poison: (clean, params, { rate, seed, alloc, where }) => {
    const semantics = semanticsOf(params, rate);
    const size = exampleSize(clean);
    let pattern: Float32Array;
    if (params.pattern.kind === "noise") {
      const noise = new SeededRandom(params.pattern.seed).fork("blended-pattern");
      pattern = Float32Array.from({ length: size }, () => noise.float());
    } else {
      if (params.pattern.values.length !== size) {
        throw new HemlockError(
          "INVALID_PARAMS",
          `${where}.pattern.values: expected ${size} values (one per pixel of a ${clean.exampleShape.join("x")} image), got ${params.pattern.values.length}`,
        );
      }
      pattern = Float32Array.from(params.pattern.values);
    }
    const alpha = params.alpha;
    const blend = (x: Float32Array) => {
      for (let i = 0; i < x.length; i++) x[i] = (1 - alpha) * (x[i] as number) + alpha * (pattern[i % size] as number);
    };
    const relabel = (label: number) => attackerLabel(semantics, label, clean.classes);
    const indices = choosePoisonIndices(clean, semantics, (label) => relabel(label) !== label, seed, where);
    return { ...applyPoison(clean, indices, params.mode, alloc, blend, relabel), semantics, trigger: (x) => blend(x) };
  },
});
