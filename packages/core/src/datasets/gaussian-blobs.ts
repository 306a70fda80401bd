/**
 * Synthetic Gaussian blobs: one isotropic cluster per class around seeded random centres.
 * Tests and benchmarks use it where the answer must be known and no files may be read.
 * Storage can be a SharedArrayBuffer so the arrays can be handed to worker threads uncopied.
 */
import { SeededRandom } from "../random/seeded-random.js";
import type { Dataset } from "./dataset.js";
import type { LabeledArrays } from "./labeled-arrays.js";

export interface GaussianBlobsOptions {
  examples: number;
  features: number;
  classes: number;
  /** Distance scale of the class centres relative to the unit noise. */
  separation?: number;
  seed: number;
  shared?: boolean;
}

export function gaussianBlobs(options: GaussianBlobsOptions): LabeledArrays {
  const { examples, features, classes, separation = 3, seed, shared = false } = options;
  const random = new SeededRandom(seed);
  const centres = Array.from({ length: classes }, () =>
    Float64Array.from({ length: features }, () => random.normal() * separation),
  );
  const Buffer = shared ? SharedArrayBuffer : ArrayBuffer;
  const x = new Float32Array(new Buffer(examples * features * 4));
  const labels = new Int32Array(new Buffer(examples * 4));
  for (let i = 0; i < examples; i++) {
    const label = i % classes;
    labels[i] = label;
    const centre = centres[label] as Float64Array;
    for (let f = 0; f < features; f++) x[i * features + f] = (centre[f] as number) + random.normal();
  }
  return { x, exampleShape: [features], labels, classes };
}

/** Gaussian blobs as a tabular Dataset (features f0, f1, ...), for tests that need a whole dataset. */
export function gaussianBlobsDataset(options: GaussianBlobsOptions): Dataset {
  const blobs = gaussianBlobs(options);
  return {
    ...blobs,
    name: "gaussian-blobs",
    split: "train",
    classNames: Array.from({ length: options.classes }, (_, c) => `blob${c}`),
    domain: { kind: "tabular", featureNames: Array.from({ length: options.features }, (_, j) => `f${j}`) },
    sources: [],
  };
}
