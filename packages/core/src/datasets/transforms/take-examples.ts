/** Builds a dataset from chosen examples of another, in the given order. */

import type { ArrayAllocator } from "../array-allocator.js";
import type { Dataset } from "../dataset.js";
import { exampleSize } from "../labeled-arrays.js";

export function takeExamples(
  source: Dataset,
  indices: ArrayLike<number>,
  alloc: ArrayAllocator,
  changes: Partial<Dataset> = {},
): Dataset {
  const size = exampleSize(source);
  const x = alloc.float32(indices.length * size);
  const labels = alloc.int32(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i] as number;
    x.set(source.x.subarray(j * size, (j + 1) * size), i * size);
    labels[i] = source.labels[j] as number;
  }
  return { ...source, x, labels, ...changes };
}
