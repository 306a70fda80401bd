/**
 * scikit-learn's digits: 1,797 8x8 images of handwritten digits, 16 grey levels, scaled to
 * [0, 1]. Bundled with Hemlock (packages/core/data, see NOTICE) so the quickstart runs offline.
 */
import { z } from "zod";
import { defineDataset } from "../define-dataset.js";
import { sklearnUrl } from "../readers/sklearn-csv.js";
import { featuresThenLabel, readTable } from "../readers/text-table.js";
import { singleTableParams, splitTable } from "../transforms/single-table.js";

const file = {
  path: "sklearn/data/digits.csv.gz",
  bytes: 57523,
  sha256: "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22",
  urls: [sklearnUrl("data/digits.csv.gz")],
  bundled: "digits.csv.gz",
};

export const digits = defineDataset({
  name: "digits",
  summary: "sklearn digits, 1,797 8x8 greyscale images in [0,1], 10 classes; seeded stratified split (bundled)",
  citation: "E. Alpaydin, C. Kaynak. Optical Recognition of Handwritten Digits. UCI Machine Learning Repository, 1998.",
  license: "CC BY 4.0 (UCI); file from scikit-learn, BSD-3-Clause",
  params: z.object(singleTableParams).strict(),
  files: [file],
  load: async (params, ctx) => {
    const rows = readTable(await ctx.read(file), { gzipped: true });
    const table = {
      name: "digits",
      ...featuresThenLabel(rows, 64, file.path, ctx.alloc, 1 / 16),
      exampleShape: [8, 8, 1],
      classes: 10,
      classNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
      domain: { kind: "image" as const, min: 0, max: 1 },
      sources: [{ path: file.path, sha256: file.sha256 }],
    };
    return splitTable(table, params, ctx.alloc);
  },
});
