/**
 * A dataset split as Hemlock holds it: features as one Float32Array (example-major) with the
 * shape of one example, labels as an Int32Array, class names, and the sha256 of every source
 * file it was read from. The arrays may live in SharedArrayBuffers, so worker threads can read
 * them without copies.
 */
import type { LabeledArrays } from "./labeled-arrays.js";

/** "validation" is carved from the training split when a spec asks for one (the attacker's data). */
export type SplitName = "train" | "validation" | "test";

/** What the features are: images in [0, 1], or standardized tabular columns. */
export type FeatureDomain = { kind: "image"; min: number; max: number } | { kind: "tabular"; featureNames: string[] };

export interface Dataset extends LabeledArrays {
  name: string;
  split: SplitName;
  classNames: string[];
  domain: FeatureDomain;
  sources: { path: string; sha256: string }[];
}

export interface DatasetSplits {
  train: Dataset;
  test: Dataset;
  /** Training-split examples held out of `train` (the `validation` option): the attacker's validation set. */
  validation?: Dataset;
}
