/**
 * Shared mechanics of data poisoning: choosing exactly round(rate x N) examples (seeded), and
 * producing the poisoned set in `replace` mode (chosen examples modified in place of the
 * originals) or `append` mode (modified copies added after the clean set), with the mask.
 */
import type { ArrayAllocator } from "../../datasets/array-allocator.js";
import type { Dataset } from "../../datasets/dataset.js";
import { exampleSize } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { SeededRandom } from "../../random/seeded-random.js";
import type { PoisonSemantics } from "../poison-semantics.js";

/**
 * Picks round(rate x base) indices among the eligible ones, where base is the training set size
 * (rateOf: all) or the target class's size (rateOf: targetClass). Ascending order.
 */
export function choosePoisonIndices(
  clean: Dataset,
  semantics: PoisonSemantics,
  eligible: (label: number) => boolean,
  seed: number,
  where: string,
): Int32Array {
  const base =
    semantics.rateOf === "targetClass"
      ? clean.labels.filter((l) => l === semantics.target).length
      : clean.labels.length;
  const count = Math.round(semantics.rate * base);
  const candidates = [...clean.labels.keys()].filter((i) => eligible(clean.labels[i] as number));
  if (count > candidates.length) {
    throw new HemlockError(
      "INVALID_PARAMS",
      `${where}.rate: ${semantics.rate} asks for ${count} poisoned examples but only ${candidates.length} are eligible`,
    );
  }
  const picked = new SeededRandom(seed).fork("poison-indices").shuffle(candidates).slice(0, count);
  return Int32Array.from(picked.sort((a, b) => a - b));
}

/**
 * Builds the poisoned training set: each chosen example's features pass through `transform`
 * (given a copy of the example to modify) and its label through `relabel`.
 */
export function applyPoison(
  clean: Dataset,
  indices: Int32Array,
  mode: PoisonSemantics["mode"],
  alloc: ArrayAllocator,
  transform: ((example: Float32Array, index: number) => void) | undefined,
  /** The poisoned label, from the clean label and the example's index in the clean set. */
  relabel: (label: number, index: number) => number,
): { train: Dataset; mask: Uint8Array } {
  const size = exampleSize(clean);
  const n = clean.labels.length;
  const total = mode === "append" ? n + indices.length : n;
  const x = alloc.float32(total * size);
  const labels = alloc.int32(total);
  x.set(clean.x);
  labels.set(clean.labels);
  const mask = new Uint8Array(total);
  indices.forEach((source, k) => {
    const slot = mode === "append" ? n + k : source;
    const example = x.subarray(slot * size, (slot + 1) * size);
    example.set(clean.x.subarray(source * size, (source + 1) * size));
    transform?.(example, source);
    labels[slot] = relabel(clean.labels[source] as number, source);
    mask[slot] = 1;
  });
  return { train: { ...clean, x, labels }, mask };
}

/**
 * A transform for applyPoison that writes poisons crafted beforehand in one batch (row k of
 * `crafted` for indices[k]), then optionally finishes each one (e.g. stamps a trigger).
 */
export function craftedRows(
  indices: Int32Array,
  crafted: Float32Array,
  finish?: (example: Float32Array) => void,
): (example: Float32Array, index: number) => void {
  const size = indices.length > 0 ? crafted.length / indices.length : 0;
  const position = new Map([...indices].map((index, k) => [index, k]));
  return (example, index) => {
    const k = position.get(index) as number;
    example.set(crafted.subarray(k * size, (k + 1) * size));
    finish?.(example);
  };
}
