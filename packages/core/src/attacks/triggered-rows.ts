/**
 * The triggered copies of chosen inputs, from either form of a trigger (TriggerSource): the
 * transform applied to fresh copies, or rows gathered from inputs triggered beforehand.
 */

import { exampleSize } from "../datasets/labeled-arrays.js";
import type { Examples } from "../models/batched.js";
import type { TriggerSource } from "./define-attack.js";

/** Rows `rows` of `inputs` (all of them by default) with the trigger applied, example-major. */
export function triggeredRows(trigger: TriggerSource, inputs: Examples, rows?: number[]): Float32Array {
  const size = exampleSize(inputs);
  const count = inputs.x.length / size;
  if (typeof trigger !== "function" && trigger.length !== inputs.x.length)
    throw new RangeError(
      `triggered inputs hold ${trigger.length / size} examples where ${count} were expected: they must be row-aligned with the inputs`,
    );
  const from = typeof trigger === "function" ? inputs.x : trigger;
  const x = rows === undefined ? Float32Array.from(from) : new Float32Array(rows.length * size);
  if (rows !== undefined)
    rows.forEach((i, k) => {
      x.set(from.subarray(i * size, (i + 1) * size), k * size);
    });
  if (typeof trigger === "function") trigger(x, inputs.exampleShape);
  return x;
}
