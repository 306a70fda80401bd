/**
 * Runs a function over a dataset in batches of tensors and concatenates the per-example results,
 * so inference on 60,000 images never holds more than one batch of activations.
 */
import { tf } from "../backend/tf.js";
import { exampleSize } from "../datasets/labeled-arrays.js";

export interface Examples {
  x: Float32Array;
  exampleShape: number[];
}

export function mapBatches(
  data: Examples,
  batchSize: number,
  width: number,
  /** Maps a batch of examples [start, start + batch) to per-example results. */
  fn: (x: tf.Tensor, start: number) => tf.Tensor,
): Float32Array {
  const size = exampleSize(data);
  const n = data.x.length / size;
  const out = new Float32Array(n * width);
  for (let start = 0; start < n; start += batchSize) {
    const count = Math.min(batchSize, n - start);
    const values = tf.tidy(() => {
      const x = tf.tensor(data.x.subarray(start * size, (start + count) * size), [count, ...data.exampleShape]);
      return fn(x, start).dataSync() as Float32Array;
    });
    out.set(values, start * width);
  }
  return out;
}
