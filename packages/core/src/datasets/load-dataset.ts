/**
 * Loads a dataset from a spec such as `{name: mnist, subset: 10000}`: validates the parameters,
 * reads and verifies the original files, and applies the generic options every dataset has, in
 * this order: `classes` (keep these classes, relabelled 0..k-1 in the order given), `validation`
 * (examples carved out of the training split as the attacker's validation set), then `subset`
 * and `testSubset`; every draw is stratified and seeded by `subsetSeed`. Loaded splits are cached
 * per thread by their resolved spec, since a grid reads the same dataset for many cells.
 */
import { z } from "zod";
import { HemlockError } from "../errors.js";
import { parseParams } from "../registry/parse-params.js";
import { type ArrayAllocator, arrayAllocator } from "./array-allocator.js";
import { resolveDataDir } from "./data-dir.js";
import type { Dataset, DatasetSplits } from "./dataset.js";
import { datasets } from "./dataset-registry.js";
import type { DatasetContext } from "./define-dataset.js";
import { readSourceFile } from "./read-source-file.js";
import { stratifiedSubset } from "./transforms/stratified-indices.js";
import { takeExamples } from "./transforms/take-examples.js";

export type DatasetSpec = { name: string } & Record<string, unknown>;

/** Options every dataset accepts, on top of its own. */
export const genericDatasetParams = {
  classes: z
    .array(z.number().int().min(0))
    .min(2)
    .refine((c) => new Set(c).size === c.length, "distinct class indices")
    .optional(),
  validation: z.number().int().positive().optional(),
  subset: z.number().int().positive().optional(),
  testSubset: z.number().int().positive().optional(),
  /** A number, or "seed": each cell draws with its own seed, so seeds resample the data too. */
  subsetSeed: z.union([z.number().int(), z.literal("seed")]).default(0),
};

export interface LoadOptions {
  dataDir?: string;
  /** Build the arrays in SharedArrayBuffers, to hand to worker threads without copies. */
  shared?: boolean;
  /** Where the spec came from, for error messages (e.g. "experiments/x.yaml: dataset"). */
  where?: string;
  /** The cell's seed, which `subsetSeed: seed` draws with. */
  seed?: number;
}

const cache = new Map<string, Promise<DatasetSplits>>();

export async function loadDataset(spec: DatasetSpec | string, options: LoadOptions = {}): Promise<DatasetSplits> {
  const { name, ...rest } = typeof spec === "string" ? { name: spec } : spec;
  const where = options.where ?? "dataset";
  const plugin = datasets.get(name, `${where}.name`);
  const {
    classes,
    validation,
    subset,
    testSubset,
    subsetSeed: drawSeed,
    ...own
  } = parseParams(plugin.params.extend(genericDatasetParams).strict(), rest, where) as {
    classes?: number[];
    validation?: number;
    subset?: number;
    testSubset?: number;
    subsetSeed: number | "seed";
  } & Record<string, unknown>;
  if (drawSeed === "seed" && options.seed === undefined)
    throw new RangeError(`${where}.subsetSeed: "seed" draws with each cell's seed, and none was given`);
  const subsetSeed = drawSeed === "seed" ? (options.seed as number) : drawSeed;
  const dataDir = options.dataDir ?? resolveDataDir().dir;
  const shared = options.shared ?? false;
  const key = JSON.stringify([name, own, classes, validation, subset, testSubset, subsetSeed, dataDir, shared]);
  let load = cache.get(key);
  if (load === undefined) {
    load = (async () => {
      const alloc = arrayAllocator(shared);
      const ctx: DatasetContext = {
        dataDir,
        alloc,
        read: (file) => readSourceFile(name, dataDir, file),
        loadDataset: (other) =>
          loadDataset(other, { ...options, where: `${where} (${name} is derived from ${other})` }),
      };
      const loaded = await plugin.load(own, ctx);
      const keep = (d: Dataset): Dataset => (classes ? keepClasses(d, classes, alloc, `${where}.classes`) : d);
      const limit = (d: Dataset, size: number | undefined, field: string): Dataset => {
        if (size === undefined) return d;
        if (size > d.labels.length) {
          throw new HemlockError(
            "INVALID_PARAMS",
            `${where}.${field}: ${name} has ${d.labels.length} ${d.split} examples${field === "subset" && validation ? ` after the validation set` : ""}, asked for ${size}`,
          );
        }
        return takeExamples(d, stratifiedSubset(d.labels, size, subsetSeed), alloc);
      };
      let train = keep(loaded.train);
      const test = limit(keep(loaded.test), testSubset, "testSubset");
      if (validation === undefined) return { train: limit(train, subset, "subset"), test };
      if (validation >= train.labels.length)
        throw new HemlockError(
          "INVALID_PARAMS",
          `${where}.validation: ${name} has ${train.labels.length} train examples, asked for ${validation} and would leave none to train on`,
        );
      const held = stratifiedSubset(train.labels, validation, subsetSeed, "validation-split");
      const inValidation = new Uint8Array(train.labels.length);
      for (const i of held) inValidation[i] = 1;
      const rest = [...train.labels.keys()].filter((i) => inValidation[i] === 0);
      const validationSet = takeExamples(train, held, alloc, { split: "validation" });
      train = takeExamples(train, rest, alloc);
      return { train: limit(train, subset, "subset"), test, validation: validationSet };
    })();
    cache.set(key, load);
    load.catch(() => cache.delete(key));
  }
  return load;
}

/** The examples of the listed classes, relabelled 0..k-1 in the order listed. */
function keepClasses(d: Dataset, classes: readonly number[], alloc: ArrayAllocator, field: string): Dataset {
  const beyond = classes.filter((c) => c >= d.classes);
  if (beyond.length > 0)
    throw new HemlockError(
      "INVALID_PARAMS",
      `${field}: ${d.name} has classes 0 to ${d.classes - 1} (${d.classNames.join(", ")}), got ${beyond.join(", ")}`,
    );
  const relabel = new Map(classes.map((c, i) => [c, i]));
  const indices = [...d.labels.keys()].filter((i) => relabel.has(d.labels[i] as number));
  const kept = takeExamples(d, indices, alloc, {
    classes: classes.length,
    classNames: classes.map((c) => d.classNames[c] ?? String(c)),
  });
  for (let i = 0; i < kept.labels.length; i++) kept.labels[i] = relabel.get(kept.labels[i] as number) as number;
  return kept;
}

/** Forgets cached datasets (tests and long-lived processes that switch data directories). */
export function clearDatasetCache(): void {
  cache.clear();
}
