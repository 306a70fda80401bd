/**
 * Projected gradient descent in the L-infinity ball (Madry et al. 2018): untargeted, each step
 * moves every input by stepSize along the sign of its loss gradient, then projects back into the
 * epsilon ball around the original and into the feature box. Batched, so memory stays bounded.
 */
import { tf } from "../../backend/tf.js";
import { exampleSize } from "../../datasets/labeled-arrays.js";
import type { Classifier } from "../../models/classifier.js";
import type { FeatureBounds } from "./feature-bounds.js";

export interface PgdOptions {
  epsilon: number;
  steps: number;
  stepSize: number;
  bounds: FeatureBounds;
  batchSize?: number;
}

/** Returns the perturbed examples; `x` (example-major, shape exampleShape each) is left as is. */
export function pgdLinf(
  model: Classifier,
  x: Float32Array,
  labels: Int32Array,
  exampleShape: number[],
  { epsilon, steps, stepSize, bounds, batchSize = 256 }: PgdOptions,
): Float32Array {
  const size = exampleSize({ exampleShape });
  const n = labels.length;
  const out = new Float32Array(x.length);
  for (let start = 0; start < n; start += batchSize) {
    const count = Math.min(batchSize, n - start);
    const adversarial = tf.tidy(() => {
      const original = tf.tensor(x.subarray(start * size, (start + count) * size), [count, ...exampleShape]);
      const y = tf.tensor1d(labels.subarray(start, start + count), "int32");
      const lo = tf.maximum(tf.sub(original, epsilon), tf.tensor(bounds.lo, exampleShape));
      const hi = tf.minimum(tf.add(original, epsilon), tf.tensor(bounds.hi, exampleShape));
      let current: tf.Tensor = original;
      for (let step = 0; step < steps; step++) {
        const next = tf.tidy(() => {
          const grad = model.inputGradient(current, y);
          return tf.minimum(tf.maximum(tf.add(current, tf.mul(tf.sign(grad), stepSize)), lo), hi);
        });
        if (current !== original) current.dispose();
        current = next;
      }
      return current.dataSync() as Float32Array;
    });
    out.set(adversarial, start * size);
  }
  return out;
}
