/**
 * SIG (Barni, Kallas, Tondi 2019): a clean-label backdoor. A horizontal sinusoid
 * v(i, j) = delta sin(2 pi j f / m) is added to target-class training images (labels unchanged),
 * and to test images at attack time. Defaults follow the paper: delta 20 (of 255), f 6. Since
 * only target-class images can carry it, `rate` defaults to a share of the target class.
 */
import { z } from "zod";
import { HemlockError } from "../../errors.js";
import { applyPoison, choosePoisonIndices } from "../crafting/apply-poison.js";
import { defineAttack } from "../define-attack.js";
import { cleanLabelSemanticsSchema, semanticsOf } from "../poison-semantics.js";

export const sig = defineAttack({
  name: "sig",
  summary: "clean-label backdoor: a sinusoidal signal added to target-class images, labels unchanged",
  citation:
    "M. Barni, K. Kallas, B. Tondi. A new backdoor attack in CNNs by training set corruption without label poisoning. ICIP 2019.",
  kind: "clean-label",
  domains: ["image"],
  params: z
    .object({
      ...cleanLabelSemanticsSchema,
      /** Amplitude on the 0-255 scale, as in the paper. */
      delta: z.number().positive().max(255).default(20),
      frequency: z.number().positive().default(6),
      /** Amplitude of the test-time signal; the training delta if omitted. */
      testDelta: z.number().positive().max(255).optional(),
    })
    .strict(),
  poison: (clean, params, { rate, seed, alloc, where }) => {
    const semantics = semanticsOf(params, rate);
    if (clean.exampleShape.length !== 3) throw new HemlockError("INCOMPATIBLE", `${where}: sig needs image data`);
    const [height, width, channels] = clean.exampleShape as [number, number, number];
    const signal = (delta: number) => {
      const v = new Float32Array(height * width * channels);
      for (let r = 0; r < height; r++)
        for (let c = 0; c < width; c++)
          for (let ch = 0; ch < channels; ch++)
            v[(r * width + c) * channels + ch] = (delta / 255) * Math.sin((2 * Math.PI * c * params.frequency) / width);
      return v;
    };
    const add = (v: Float32Array) => (x: Float32Array) => {
      for (let i = 0; i < x.length; i++)
        x[i] = Math.min(1, Math.max(0, (x[i] as number) + (v[i % v.length] as number)));
    };
    const indices = choosePoisonIndices(clean, semantics, (label) => label === params.target, seed, where);
    const poisoned = applyPoison(clean, indices, params.mode, alloc, add(signal(params.delta)), (label) => label);
    return { ...poisoned, semantics, trigger: add(signal(params.testDelta ?? params.delta)) };
  },
});
