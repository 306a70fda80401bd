/**
 * BadNets (Gu, Dolan-Gavitt, Garg 2017): stamp a trigger (by default a 3x3 white patch at the
 * bottom-right, as BackdoorBench uses) into poisoned training images and relabel them as the
 * attacker's label: the target (all-to-one) or (l+1) mod K (all-to-all). For all-to-one, poisons
 * are drawn from the classes other than the target, so every relabelling is a real change.
 */
import { z } from "zod";
import { HemlockError } from "../../errors.js";
import { applyPoison, choosePoisonIndices } from "../crafting/apply-poison.js";
import { patchTriggerSchema, stampPixels, triggerPixels } from "../crafting/image-trigger.js";
import { defineAttack } from "../define-attack.js";
import { attackerLabel, poisonSemanticsSchema, semanticsOf } from "../poison-semantics.js";

export const badnets = defineAttack({
  name: "badnets",
  summary: "patch, pixel or pattern trigger stamped on poisoned images, relabelled to the target",
  citation:
    "T. Gu, B. Dolan-Gavitt, S. Garg. BadNets: identifying vulnerabilities in the machine learning model supply chain. arXiv:1708.06733, 2017.",
  kind: "backdoor",
  domains: ["image"],
  params: z
    .object({
      ...poisonSemanticsSchema,
      trigger: patchTriggerSchema.default({ kind: "patch", size: 3, value: 1, margin: 0 }),
    })
    .strict(),
  poison: (clean, params, { rate, seed, alloc, where }) => {
    const semantics = semanticsOf(params, rate);
    if (clean.exampleShape.length !== 3)
      throw new HemlockError(
        "INCOMPATIBLE",
        `${where}: badnets needs image data, got example shape [${clean.exampleShape.join(", ")}]`,
      );
    const [height, width] = clean.exampleShape as [number, number, number];
    const pixels = triggerPixels(params.trigger, height, width, where);
    const relabel = (label: number) => attackerLabel(semantics, label, clean.classes);
    const indices = choosePoisonIndices(clean, semantics, (label) => relabel(label) !== label, seed, where);
    const poisoned = applyPoison(
      clean,
      indices,
      params.mode,
      alloc,
      (example) => stampPixels(example, clean.exampleShape, pixels),
      relabel,
    );
    return { ...poisoned, semantics, trigger: (x, shape) => stampPixels(x, shape, pixels) };
  },
});
