/**
 * A deterministic minibatch training loop. Shuffling comes from the run's seed (tfjs's own
 * model.fit shuffles with Math.random), so the same seed, backend and data give bit-identical
 * weights.
 */
import * as tf from "@tensorflow/tfjs";
import { SeededRandom } from "../random/seeded-random.js";
import { gatherBatch, type LabeledArrays } from "./labeled-arrays.js";
import { trainStep } from "./train-step.js";

export interface FitOptions {
  epochs: number;
  batchSize: number;
  seed: number;
  optimizer: tf.Optimizer;
  onEpochEnd?: (epoch: number, meanLoss: number) => void;
}

export function fitClassifier(model: tf.LayersModel, data: LabeledArrays, options: FitOptions): number[] {
  const { epochs, batchSize, optimizer } = options;
  const shuffle = new SeededRandom(options.seed).fork("shuffle");
  const n = data.labels.length;
  const epochLosses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = shuffle.permutation(n);
    let total = 0;
    for (let start = 0; start < n; start += batchSize) {
      const indices = order.subarray(start, Math.min(start + batchSize, n));
      const batch = gatherBatch(data, indices);
      const x = tf.tensor(batch.x, [indices.length, ...data.exampleShape]);
      const labels = tf.tensor1d(batch.labels, "int32");
      total += trainStep(model, optimizer, x, labels, data.classes) * indices.length;
      x.dispose();
      labels.dispose();
    }
    epochLosses.push(total / n);
    options.onEpochEnd?.(epoch, total / n);
  }
  return epochLosses;
}
