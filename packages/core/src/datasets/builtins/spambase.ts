/** UCI Spambase: 4,601 e-mails, 57 word/character frequency and run-length features, spam or not. */
import { z } from "zod";
import { defineDataset } from "../define-dataset.js";
import { featuresThenLabel, readTable } from "../readers/text-table.js";
import { splitTable, tabularParams } from "../transforms/single-table.js";

const file = {
  path: "uci-spambase/spambase.data",
  bytes: 698341,
  sha256: "ebec58cfca94ea61c77df632314acae15bad410f4769d38b1a66cb41050e3431",
  urls: ["https://archive.ics.uci.edu/ml/machine-learning-databases/spambase/spambase.data"],
};

const WORDS =
  "make address all 3d our over remove internet order mail receive will people report addresses free business email you credit your font 000 money hp hpl george 650 lab labs telnet 857 data 415 85 technology 1999 parts pm direct cs meeting original project re edu table conference".split(
    " ",
  );
const FEATURES = [
  ...WORDS.map((w) => `word_freq_${w}`),
  ...[";", "(", "[", "!", "$", "#"].map((c) => `char_freq_${c}`),
  "capital_run_length_average",
  "capital_run_length_longest",
  "capital_run_length_total",
];

export const spambase = defineDataset({
  name: "spambase",
  summary: "UCI Spambase, 4,601 x 57 standardized features, spam vs not; seeded stratified split",
  citation: "M. Hopkins, E. Reeber, G. Forman, J. Suermondt. Spambase. UCI Machine Learning Repository, 1999.",
  license: "CC BY 4.0",
  params: z.object(tabularParams).strict(),
  files: [file],
  load: async (params, ctx) => {
    const rows = readTable(await ctx.read(file));
    const table = {
      name: "spambase",
      ...featuresThenLabel(rows, 57, file.path, ctx.alloc),
      exampleShape: [57],
      classes: 2,
      classNames: ["not-spam", "spam"],
      domain: { kind: "tabular" as const, featureNames: FEATURES },
      sources: [{ path: file.path, sha256: file.sha256 }],
    };
    return splitTable(table, params, ctx.alloc);
  },
});
