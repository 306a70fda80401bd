/**
 * Loads a dataset from a spec such as `{name: mnist, subset: 10000}`: validates the parameters,
 * reads and verifies the original files, and applies the generic options every dataset has
 * (`subset` and `testSubset`: stratified, seeded by `subsetSeed`). Loaded splits are cached per
 * thread by their resolved spec, since a grid reads the same dataset for many cells.
 */
import { z } from "zod";
import { parseParams } from "../registry/parse-params.js";
import { arrayAllocator } from "./array-allocator.js";
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
  subset: z.number().int().positive().optional(),
  testSubset: z.number().int().positive().optional(),
  subsetSeed: z.number().int().default(0),
};

export interface LoadOptions {
  dataDir?: string;
  /** Build the arrays in SharedArrayBuffers, to hand to worker threads without copies. */
  shared?: boolean;
  /** Where the spec came from, for error messages (e.g. "experiments/x.yaml: dataset"). */
  where?: string;
}

const cache = new Map<string, Promise<DatasetSplits>>();

export async function loadDataset(spec: DatasetSpec | string, options: LoadOptions = {}): Promise<DatasetSplits> {
  const { name, ...rest } = typeof spec === "string" ? { name: spec } : spec;
  const where = options.where ?? "dataset";
  const plugin = datasets.get(name, `${where}.name`);
  const { subset, testSubset, subsetSeed, ...own } = parseParams(
    plugin.params.extend(genericDatasetParams).strict(),
    rest,
    where,
  ) as { subset?: number; testSubset?: number; subsetSeed: number } & Record<string, unknown>;
  const dataDir = options.dataDir ?? resolveDataDir().dir;
  const shared = options.shared ?? false;
  const key = JSON.stringify([name, own, subset, testSubset, subsetSeed, dataDir, shared]);
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
      const splits = await plugin.load(own, ctx);
      const limit = (d: Dataset, size: number | undefined, field: string): Dataset => {
        if (size === undefined) return d;
        if (size > d.labels.length) {
          throw new RangeError(
            `${where}.${field}: ${name} has ${d.labels.length} ${d.split} examples, asked for ${size}`,
          );
        }
        return takeExamples(d, stratifiedSubset(d.labels, size, subsetSeed), alloc);
      };
      return { train: limit(splits.train, subset, "subset"), test: limit(splits.test, testSubset, "testSubset") };
    })();
    cache.set(key, load);
    load.catch(() => cache.delete(key));
  }
  return load;
}

/** Forgets cached datasets (tests and long-lived processes that switch data directories). */
export function clearDatasetCache(): void {
  cache.clear();
}
