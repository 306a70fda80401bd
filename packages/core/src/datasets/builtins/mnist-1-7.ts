/**
 * MNIST 1 vs 7: the two digits most often confused, 13,007 train and 2,163 test images with
 * pixels in [0, 1]; class 0 is "1", class 1 is "7". The shared benchmark of certified-defense
 * papers (Steinhardt, Koh, Liang 2017; Levine, Feizi 2021).
 */
import { z } from "zod";
import type { Dataset } from "../dataset.js";
import { defineDataset } from "../define-dataset.js";
import { takeExamples } from "../transforms/take-examples.js";

export const mnist17 = defineDataset({
  name: "mnist-1-7",
  summary: "MNIST digits 1 and 7 only (13,007 train / 2,163 test), binary, pixels in [0,1]",
  citation: "J. Steinhardt, P.W. Koh, P. Liang. Certified defenses for data poisoning attacks. NeurIPS 2017.",
  license: "CC BY-SA 3.0",
  params: z.object({}).strict(),
  files: [],
  derivedFrom: "mnist",
  load: async (_params, ctx) => {
    const source = await ctx.loadDataset("mnist");
    const pick = (d: Dataset): Dataset => {
      const indices = [...d.labels.keys()].filter((i) => d.labels[i] === 1 || d.labels[i] === 7);
      const picked = takeExamples(d, indices, ctx.alloc, { name: "mnist-1-7", classes: 2, classNames: ["1", "7"] });
      for (let i = 0; i < picked.labels.length; i++) picked.labels[i] = picked.labels[i] === 7 ? 1 : 0;
      return picked;
    };
    return { train: pick(source.train), test: pick(source.test) };
  },
});
