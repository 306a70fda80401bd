/**
 * Option fields several commands share, as entries of their option tables: the global options,
 * the store, the result filters and the statistics options, and the distributed executor's.
 */
import { z } from "zod";
import { flag, oneOf, openProportion, poisoningRate, text, wholeNumber } from "./option-values.js";

/** --backend (parsed by backend-option.ts, which names the backends) and --data-dir. */
export const globalFields = { backend: text, dataDir: text.optional() };

export const storeFields = { db: text };

/** What filter-options.ts declares: --experiment, --dataset, --model, --attack, --defense, --rate. */
export const filterFields = {
  experiment: text.optional(),
  dataset: text.optional(),
  model: text.optional(),
  attack: text.optional(),
  defense: text.optional(),
  rate: poisoningRate.optional(),
};

/** leaderboard and compare: the metric, the paired test and its significance level. */
export const statisticsFields = {
  ...storeFields,
  ...filterFields,
  metric: text,
  test: oneOf(["t", "wilcoxon"]),
  alpha: openProportion,
  json: flag,
};

/** run and repro: local worker threads, or a queue. */
export const executionFields = {
  workers: wholeNumber(1).optional(),
  executor: oneOf(["local", "bullmq"]),
  redisUrl: text,
  queuePrefix: text,
};

export type OptionValues<F extends z.ZodRawShape> = z.output<z.ZodObject<F>>;

/** An option table: the command's own fields and the globals; other keys pass through. */
export function optionTable<F extends z.ZodRawShape>(fields: F) {
  return z.looseObject({ ...globalFields, ...fields });
}
