/**
 * The dataset plugin: its name, parameter schema, citation, source files, and a loader that
 * reads the original files into train and test splits.
 */
import type { z } from "zod";
import type { Plugin } from "../registry/registry.js";
import type { ArrayAllocator } from "./array-allocator.js";
import type { DatasetSplits } from "./dataset.js";
import type { SourceFile } from "./source-files.js";

export interface DatasetContext {
  dataDir: string;
  alloc: ArrayAllocator;
  /** Reads one of this dataset's source files, verified against its checksum. */
  read(file: SourceFile): Promise<Uint8Array>;
  /** Loads another registered dataset (for derived datasets such as mnist-1-7). */
  loadDataset(name: string): Promise<DatasetSplits>;
}

export interface DatasetPlugin<S extends z.ZodObject = z.ZodObject> extends Plugin {
  params: S;
  license: string;
  /** Original files read by this dataset; empty for datasets derived from another. */
  files: SourceFile[];
  derivedFrom?: string;
  load(params: z.output<S>, ctx: DatasetContext): Promise<DatasetSplits>;
}

/** Declares a dataset; the identity function that lets TypeScript infer the params' type. */
export function defineDataset<S extends z.ZodObject>(plugin: DatasetPlugin<S>): DatasetPlugin<S> {
  return plugin;
}
