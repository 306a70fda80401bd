/**
 * The experiment file's schema: what a researcher writes to declare a grid. Each axis (dataset,
 * model, train, attack, rate, defense) is given once: as a single value at the top level, as a
 * list under `grid` (crossed with every other list), or in a `zip` block whose lists vary
 * together. `seeds` is a count (seeds 1..n) or a list; `exclude` drops matching combinations.
 * Reproduction files (experiments/repro/) add the `paper`, the `expect` list of published numbers
 * with tolerances, and the `differences` from the paper's setting.
 * Plugin parameters are checked later against each plugin's own schema (resolve-cells), where
 * the registries are known; here only the shape is. The JSON Schema editors use is generated
 * from this (experiments/schema.json).
 */
import { POISONING_RATE } from "@hemlock/core/portable";
import { z } from "zod";

/** A plugin named alone (`badnets`) or with parameters (`{name: badnets, target: 3}`). */
export const pluginRefSchema = z.union([
  z.string().min(1),
  z.looseObject({ name: z.string().min(1).describe("The plugin's registry name") }),
]);

export const datasetRefSchema = z.union([
  z.string().min(1),
  z.looseObject({
    name: z.string().min(1).describe("The dataset's registry name (hemlock data list)"),
    classes: z
      .array(z.number().int().min(0))
      .optional()
      .describe("Keep these classes only, relabelled 0..k-1 in the order given (e.g. [7, 1])"),
    validation: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Training examples held out (stratified) as the attacker's validation set, before the subset"),
    subset: z.number().int().positive().optional().describe("A stratified subset of this many training examples"),
    testSubset: z.number().int().positive().optional().describe("A stratified subset of the test split"),
    subsetSeed: z
      .union([z.number().int(), z.literal("seed")])
      .optional()
      .describe('The seed of every draw (default 0); "seed": each cell draws with its own seed'),
  }),
]);

export const trainRefSchema = z
  .record(z.string(), z.unknown())
  .describe("Training configuration: epochs, batchSize, optimizer, schedule, validationSplit, earlyStopping");

export const rateSchema = z
  .number()
  .min(POISONING_RATE.min)
  .lt(POISONING_RATE.below)
  .describe("Poisoning rate (see the attack's rateOf)");

export const AXES = ["dataset", "model", "train", "attack", "rate", "defense"] as const;
export type Axis = (typeof AXES)[number];

const axisValueSchemas = {
  dataset: datasetRefSchema,
  model: pluginRefSchema,
  train: trainRefSchema,
  attack: pluginRefSchema,
  rate: rateSchema,
  defense: pluginRefSchema,
};

const axisLists = z
  .object({
    dataset: z.array(datasetRefSchema).min(1).optional(),
    model: z.array(pluginRefSchema).min(1).optional(),
    train: z.array(trainRefSchema).min(1).optional(),
    attack: z.array(pluginRefSchema).min(1).optional(),
    rate: z.array(rateSchema).min(1).optional(),
    defense: z.array(pluginRefSchema).min(1).optional(),
  })
  .strict();

/** A value an exclude rule matches: a name, a number, or a partial object. */
const matcherSchema = z.union([z.string(), z.number(), z.record(z.string(), z.unknown())]);

/** Which cells an expectation reads: labels (or plugin names) and a rate, as the leaderboard's filters. */
const selectorSchema = z
  .object({
    dataset: z.string().optional(),
    model: z.string().optional(),
    attack: z.string().optional().describe('An attack label or plugin name; "none" for clean training'),
    defense: z.string().optional(),
    rate: rateSchema.optional(),
  })
  .strict();

export const paperSchema = z
  .object({
    authors: z.array(z.string().min(1)).min(1),
    title: z.string().min(1),
    venue: z.string().min(1).describe('Where it was published, e.g. "ICLR 2021" or "arXiv"'),
    year: z.number().int().min(1950).max(2100),
    arxiv: z
      .string()
      .regex(/^\d{4}\.\d{4,5}$/, "an arXiv id such as 2006.14768")
      .optional(),
  })
  .strict()
  .describe("The paper whose numbers the expect list checks");

export const expectationSchema = z
  .object({
    metric: z.string().min(1).describe("A recorded metric, e.g. cleanAccuracy or defense.certifiedFlips"),
    where: selectorSchema.default({}).describe("The cells the check reads: one setting unless each is set"),
    published: z.number().describe("The paper's number, in the metric's units (shares as fractions)"),
    tolerance: z
      .union([z.number().min(0), z.tuple([z.number(), z.number()])])
      .describe(
        "Absolute: |measured - published| <= tolerance; or [low, high]: the range the measurement must fall in",
      ),
    source: z.string().min(1).describe('Where the number stands in the paper: "Table 2", "Section 4"'),
    each: z.boolean().optional().describe("Check every setting the selector matches"),
    relativeTo: selectorSchema.optional().describe("Measure the difference from this one setting's mean"),
    note: z.string().optional(),
  })
  .strict();

export const experimentSpecSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' or '-', starting with a letter or digit")
      .describe("The experiment's name in the store"),
    description: z.string().optional(),
    dataset: axisValueSchemas.dataset.optional(),
    model: axisValueSchemas.model.optional(),
    train: axisValueSchemas.train.optional(),
    attack: axisValueSchemas.attack.optional(),
    rate: axisValueSchemas.rate.optional(),
    defense: axisValueSchemas.defense.optional(),
    seeds: z
      .union([z.number().int().min(1).max(1000), z.array(z.number().int().min(0)).min(1)])
      .default(1)
      .describe("A count n (seeds 1..n) or the list of seeds"),
    grid: axisLists.default({}).describe("Axes crossed with each other"),
    zip: z.array(axisLists).default([]).describe("Blocks of axes whose lists have one length and vary together"),
    exclude: z
      .array(z.partialRecord(z.enum(AXES), matcherSchema))
      .default([])
      .describe("Combinations to drop: every axis named in a rule must match"),
    holdout: z
      .object({
        size: z
          .number()
          .int()
          .min(0)
          .default(1000)
          .describe("Clean test examples the defender holds (0: none, measuring on the whole test split)"),
      })
      .strict()
      .default({ size: 1000 })
      .describe("The defender's clean holdout, taken from the start of the test split and excluded from measurement"),
    paper: paperSchema.optional(),
    expect: z.array(expectationSchema).default([]).describe("Published numbers checked by hemlock repro"),
    differences: z
      .array(z.object({ what: z.string().min(1), effect: z.string().min(1) }).strict())
      .default([])
      .describe("How the setting differs from the paper's, and the likely effect (docs/reproductions.md)"),
    findings: z.string().optional().describe("What was found when a number did not reproduce"),
  })
  .strict();

export type ExperimentSpec = z.output<typeof experimentSpecSchema>;
