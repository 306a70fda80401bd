/**
 * The kernel shapes benchmarked: the dense layer of an MLP 784-256-10 at batch 128, and the
 * second conv layer of the BadNets CNN at batch 128, where the gradients cost the most.
 */
import * as tf from "@tensorflow/tfjs";

export interface KernelCase {
  label: string;
  kernel: string;
  flops: number;
  make: () => { inputs: Record<string, tf.Tensor>; attrs: Record<string, unknown> };
}

const normal = (shape: number[]) => tf.randomNormal(shape, 0, 1, "float32", 1);
const conv = { strides: [1, 1], pad: "valid", dataFormat: "NHWC", dimRoundingMode: undefined };
const CONV_FLOPS = 2 * 128 * 8 * 8 * 5 * 5 * 16 * 32;
const MATMUL_FLOPS = 2 * 128 * 784 * 256;

export const KERNEL_CASES: KernelCase[] = [
  {
    label: "BatchMatMul 128x784 . 784x256 (plain, reference)",
    kernel: "BatchMatMul",
    flops: MATMUL_FLOPS,
    make: () => ({
      inputs: { a: normal([128, 784]), b: normal([784, 256]) },
      attrs: { transposeA: false, transposeB: false },
    }),
  },
  {
    label: "BatchMatMul transposeA (dense dW = x^T dy)",
    kernel: "BatchMatMul",
    flops: MATMUL_FLOPS,
    make: () => ({
      inputs: { a: normal([784, 128]), b: normal([784, 256]) },
      attrs: { transposeA: true, transposeB: false },
    }),
  },
  {
    label: "BatchMatMul transposeB (dense dx = dy W^T)",
    kernel: "BatchMatMul",
    flops: MATMUL_FLOPS,
    make: () => ({
      inputs: { a: normal([128, 784]), b: normal([256, 784]) },
      attrs: { transposeA: false, transposeB: true },
    }),
  },
  {
    label: "Conv2D 128x12x12x16 * 5x5x16x32 (forward, reference)",
    kernel: "Conv2D",
    flops: CONV_FLOPS,
    make: () => ({
      inputs: { x: normal([128, 12, 12, 16]), filter: normal([5, 5, 16, 32]) },
      attrs: { ...conv, dilations: [1, 1] },
    }),
  },
  {
    label: "Conv2DBackpropFilter (same layer)",
    kernel: "Conv2DBackpropFilter",
    flops: CONV_FLOPS,
    make: () => ({
      inputs: { x: normal([128, 12, 12, 16]), dy: normal([128, 8, 8, 32]) },
      attrs: { ...conv, filterShape: [5, 5, 16, 32] },
    }),
  },
  {
    label: "Conv2DBackpropInput (same layer)",
    kernel: "Conv2DBackpropInput",
    flops: CONV_FLOPS,
    make: () => ({
      inputs: { dy: normal([128, 8, 8, 32]), filter: normal([5, 5, 16, 32]) },
      attrs: { ...conv, inputShape: [128, 12, 12, 16] },
    }),
  },
];
