/**
 * The k nearest neighbours (Euclidean) of every example among the others, computed in batches
 * with tfjs as ||a||^2 + ||b||^2 - 2 a.b, so a 10,000-image set costs a few matrix products
 * instead of 10^8 JS distance loops. Returns indices, n x k row-major, nearest first.
 */
import * as tf from "@tensorflow/tfjs";

export function nearestNeighbours(x: Float32Array, n: number, d: number, k: number, batchSize = 512): Int32Array {
  if (k >= n) throw new RangeError(`nearestNeighbours: k = ${k} needs more than ${n} examples`);
  const out = new Int32Array(n * k);
  const all = tf.tensor2d(x, [n, d]);
  const norms = tf.sum(tf.square(all), 1);
  for (let start = 0; start < n; start += batchSize) {
    const count = Math.min(batchSize, n - start);
    const indices = tf.tidy(() => {
      const batch = tf.slice(all, [start, 0], [count, d]);
      const batchNorms = tf.slice(norms, [start], [count]);
      const distances = tf.sub(
        tf.add(tf.reshape(batchNorms, [count, 1]), tf.reshape(norms, [1, n])),
        tf.mul(2, tf.matMul(batch, all, false, true)),
      );
      // The example itself is at distance 0: ask for k + 1 and drop it below.
      return tf.topk(tf.neg(distances), k + 1).indices.dataSync() as Int32Array;
    });
    for (let row = 0; row < count; row++) {
      const self = start + row;
      let filled = 0;
      for (let c = 0; c <= k && filled < k; c++) {
        const j = indices[row * (k + 1) + c] as number;
        if (j === self) continue;
        out[self * k + filled++] = j;
      }
    }
  }
  tf.dispose([all, norms]);
  return out;
}
