/**
 * The box an optimized poison must stay in, feature by feature: for images, the pixel range the
 * dataset declares; for tabular data, each column's range over the clean training set (a poison
 * outside it would be an outlier any sanitizer catches, and may be impossible to record).
 */
import type { Dataset } from "../../datasets/dataset.js";
import { exampleSize } from "../../datasets/labeled-arrays.js";

export interface FeatureBounds {
  lo: Float32Array;
  hi: Float32Array;
}

export function featureBounds(clean: Dataset): FeatureBounds {
  const size = exampleSize(clean);
  const lo = new Float32Array(size);
  const hi = new Float32Array(size);
  if (clean.domain.kind === "image") {
    lo.fill(clean.domain.min);
    hi.fill(clean.domain.max);
    return { lo, hi };
  }
  lo.fill(Infinity);
  hi.fill(-Infinity);
  for (let i = 0; i < clean.x.length; i++) {
    const v = clean.x[i] as number;
    const j = i % size;
    if (v < (lo[j] as number)) lo[j] = v;
    if (v > (hi[j] as number)) hi[j] = v;
  }
  return { lo, hi };
}

/** Clips one example (in place) into the box. */
export function clipToBounds(example: Float32Array, { lo, hi }: FeatureBounds): void {
  for (let j = 0; j < example.length; j++) {
    const v = example[j] as number;
    example[j] = Math.min(Math.max(v, lo[j] as number), hi[j] as number);
  }
}

/** The length of the box's diagonal, the scale of a step in feature space. */
export function boxDiagonal({ lo, hi }: FeatureBounds): number {
  let s = 0;
  for (let j = 0; j < lo.length; j++) s += ((hi[j] as number) - (lo[j] as number)) ** 2;
  return Math.sqrt(s);
}
