/**
 * UCI Adult (census income): predict income > $50K from 14 attributes. Categorical attributes are
 * one-hot encoded with the categories seen in the training file, "?" (missing) kept as a category
 * of its own so no rows are dropped; numeric attributes are standardized with training
 * statistics. The test file's first line is a comment and its labels end in "." (">50K."); both
 * are handled. 32,561 train and 16,281 test rows.
 */
import { z } from "zod";
import type { Dataset } from "../dataset.js";
import { defineDataset } from "../define-dataset.js";
import { numberAt, readTable } from "../readers/text-table.js";
import { applyStandardizer, fitStandardizer } from "../transforms/standardize.js";

const BASE = "https://archive.ics.uci.edu/ml/machine-learning-databases/adult/";
const trainFile = {
  path: "uci-adult/adult.data",
  bytes: 3974305,
  sha256: "5b00264637dbfec36bdeaab5676b0b309ff9eb788d63554ca0a249491c86603d",
  urls: [`${BASE}adult.data`],
};
const testFile = {
  path: "uci-adult/adult.test",
  bytes: 2003153,
  sha256: "a2a9044bc167a35b2361efbabec64e89d69ce82d9790d2980119aac5fd7e9c05",
  urls: [`${BASE}adult.test`],
};

/** Column names and kinds, in file order (adult.names); the 15th column is the label. */
const COLUMNS: [string, "numeric" | "categorical"][] = [
  ["age", "numeric"],
  ["workclass", "categorical"],
  ["fnlwgt", "numeric"],
  ["education", "categorical"],
  ["education-num", "numeric"],
  ["marital-status", "categorical"],
  ["occupation", "categorical"],
  ["relationship", "categorical"],
  ["race", "categorical"],
  ["sex", "categorical"],
  ["capital-gain", "numeric"],
  ["capital-loss", "numeric"],
  ["hours-per-week", "numeric"],
  ["native-country", "categorical"],
];

interface Encoding {
  featureNames: string[];
  /** For each column: its first feature index and, if categorical, its categories. */
  columns: { offset: number; categories?: Map<string, number> }[];
  numericFeatures: number[];
}

function fitEncoding(rows: string[][]): Encoding {
  const featureNames: string[] = [];
  const numericFeatures: number[] = [];
  const columns = COLUMNS.map(([name, kind], c) => {
    const offset = featureNames.length;
    if (kind === "numeric") {
      numericFeatures.push(offset);
      featureNames.push(name);
      return { offset };
    }
    const seen = [...new Set(rows.map((r) => r[c] as string))].sort();
    for (const value of seen) featureNames.push(`${name}=${value}`);
    return { offset, categories: new Map(seen.map((v, i) => [v, i])) };
  });
  return { featureNames, columns, numericFeatures };
}

function encode(
  rows: string[][],
  encoding: Encoding,
  file: string,
  split: "train" | "test",
  alloc: { float32(n: number): Float32Array; int32(n: number): Int32Array },
) {
  const width = encoding.featureNames.length;
  const x = alloc.float32(rows.length * width);
  const labels = alloc.int32(rows.length);
  rows.forEach((row, i) => {
    if (row.length !== 15) throw new Error(`${file}: row ${i + 1} has ${row.length} fields, expected 15`);
    COLUMNS.forEach(([, kind], c) => {
      const column = encoding.columns[c] as Encoding["columns"][number];
      if (kind === "numeric") {
        x[i * width + column.offset] = numberAt(rows, i, c, file);
      } else {
        // A category absent from training (none in the distributed files) encodes as all zeros.
        const k = column.categories?.get(row[c] as string);
        if (k !== undefined) x[i * width + column.offset + k] = 1;
      }
    });
    const label = (row[14] as string).replace(/\.$/, "");
    if (label !== ">50K" && label !== "<=50K")
      throw new Error(`${file}: row ${i + 1}: label ${JSON.stringify(row[14])} is neither <=50K nor >50K`);
    labels[i] = label === ">50K" ? 1 : 0;
  });
  return { x, labels, split };
}

export const adult = defineDataset({
  name: "adult",
  summary: "UCI Adult census income, 14 attributes one-hot/standardized to 108 features, >50K vs <=50K",
  citation: "R. Kohavi. Scaling up the accuracy of naive-Bayes classifiers: a decision-tree hybrid. KDD 1996.",
  license: "CC BY 4.0",
  params: z.object({}).strict(),
  files: [trainFile, testFile],
  load: async (_params, ctx) => {
    const trainRows = readTable(await ctx.read(trainFile));
    // The test file opens with "|1x3 Cross validator".
    const testRows = readTable(await ctx.read(testFile)).filter((r) => !(r[0] as string).startsWith("|"));
    const encoding = fitEncoding(trainRows);
    const train = encode(trainRows, encoding, trainFile.path, "train", ctx.alloc);
    const test = encode(testRows, encoding, testFile.path, "test", ctx.alloc);
    // Standardize the numeric columns only, with training statistics.
    const width = encoding.featureNames.length;
    const stats = fitStandardizer(train.x, width, encoding.numericFeatures);
    applyStandardizer(train.x, stats);
    applyStandardizer(test.x, stats);
    const common = {
      name: "adult",
      exampleShape: [width],
      classes: 2,
      classNames: ["<=50K", ">50K"],
      domain: { kind: "tabular" as const, featureNames: encoding.featureNames },
      sources: [trainFile, testFile].map((f) => ({ path: f.path, sha256: f.sha256 })),
    };
    const make = (s: typeof train): Dataset => ({ ...common, ...s });
    return { train: make(train), test: make(test) };
  },
});
