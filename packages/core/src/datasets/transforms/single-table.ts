/**
 * Turns a dataset that ships as one table into train and test splits: seeded and stratified
 * (testFraction of each class goes to test), then, for tabular features, standardized with
 * statistics fitted on the training split.
 */
import { z } from "zod";
import type { ArrayAllocator } from "../array-allocator.js";
import type { Dataset, DatasetSplits } from "../dataset.js";
import { applyStandardizer, fitStandardizer } from "./standardize.js";
import { stratifiedSplit } from "./stratified-indices.js";
import { takeExamples } from "./take-examples.js";

export const singleTableParams = {
  /** Share of each class held out for testing. */
  testFraction: z.number().gt(0).lt(1).default(0.25),
  /** Seed of the split; fixed by default so every run compares on the same split. */
  splitSeed: z.number().int().default(0),
};

export const tabularParams = {
  ...singleTableParams,
  /** Standardize features with train-split statistics. */
  standardize: z.boolean().default(true),
};

export function splitTable(
  table: Omit<Dataset, "split">,
  params: { testFraction: number; splitSeed: number; standardize?: boolean },
  alloc: ArrayAllocator,
): DatasetSplits {
  const { train, test } = stratifiedSplit(table.labels, params.testFraction, params.splitSeed);
  const whole = { ...table, split: "train" as const };
  const splits = {
    train: takeExamples(whole, train, alloc, { split: "train" }),
    test: takeExamples(whole, test, alloc, { split: "test" }),
  };
  if (params.standardize && table.domain.kind === "tabular") {
    const stats = fitStandardizer(splits.train.x, table.exampleShape[0] as number);
    applyStandardizer(splits.train.x, stats);
    applyStandardizer(splits.test.x, stats);
  }
  return splits;
}
