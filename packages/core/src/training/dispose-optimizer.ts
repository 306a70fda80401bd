/**
 * Disposes a tfjs optimizer completely. tfjs-core 4.22's MomentumOptimizer.dispose() frees its
 * momentum scalar and accumulators but not the learning-rate scalar `c` its SGD parent keeps,
 * leaking one tensor per training run, which adds up over a grid of thousands of cells.
 */
import type * as tf from "@tensorflow/tfjs";

export function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  const learningRate = (optimizer as unknown as { c?: tf.Tensor }).c;
  if (learningRate !== undefined && !learningRate.isDisposed) learningRate.dispose();
}
