/**
 * The k nearest neighbours (Euclidean) of every example among the others, computed in batches
 * with tfjs as ||a||^2 + ||b||^2 - 2 a.b, so a 10,000-image set costs a few matrix products
 * instead of 10^8 JS distance loops. Returns indices, n x k row-major, nearest first.
 */
import { tf } from "../../backend/tf.js";

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

/**
 * How each example's k nearest neighbours in input space are labelled: votes[i * classes + c]
 * counts those with label c. The shares of these votes drive kNN label sanitization and activation
 * clustering's input-neighbour check.
 */
export function neighbourLabelVotes(
  data: { x: Float32Array; labels: Int32Array; classes: number; exampleShape: number[] },
  k: number,
): { votes: Int32Array; k: number } {
  const n = data.labels.length;
  const size = data.x.length / n;
  const neighbours = nearestNeighbours(data.x, n, size, Math.min(k, n - 1));
  const kk = neighbours.length / n;
  const votes = new Int32Array(n * data.classes);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < kk; c++) {
      const slot = i * data.classes + (data.labels[neighbours[i * kk + c] as number] as number);
      votes[slot] = (votes[slot] as number) + 1;
    }
  return { votes, k: kk };
}
