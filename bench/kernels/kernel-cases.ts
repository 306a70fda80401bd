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
    label: "BatchMatMul plain: dense forward 128x784 . 784x256",
    kernel: "BatchMatMul",
    flops: MATMUL_FLOPS,
    make: () => ({
      inputs: { a: normal([128, 784]), b: normal([784, 256]) },
      attrs: { transposeA: false, transposeB: false },
    }),
  },
  // The two backward products of that dense layer, in their real shapes (same FLOPs).
  {
    label: "BatchMatMul transposeA: dW = x^T dy, 784x128 . 128x256",
    kernel: "BatchMatMul",
    flops: MATMUL_FLOPS,
    make: () => ({
      inputs: { a: normal([128, 784]), b: normal([128, 256]) },
      attrs: { transposeA: true, transposeB: false },
    }),
  },
  {
    label: "BatchMatMul transposeB: dx = dy W^T, 128x256 . 256x784",
    kernel: "BatchMatMul",
    flops: MATMUL_FLOPS,
    make: () => ({
      inputs: { a: normal([128, 256]), b: normal([784, 256]) },
      attrs: { transposeA: false, transposeB: true },
    }),
  },
  {
    label: "Conv2D forward: BadNets conv2, 128x12x12x16 * 5x5x16x32",
    kernel: "Conv2D",
    flops: CONV_FLOPS,
    make: () => ({
      inputs: { x: normal([128, 12, 12, 16]), filter: normal([5, 5, 16, 32]) },
      attrs: { ...conv, dilations: [1, 1] },
    }),
  },
  {
    label: "Conv2DBackpropFilter: the same layer's dW",
    kernel: "Conv2DBackpropFilter",
    flops: CONV_FLOPS,
    make: () => ({
      inputs: { x: normal([128, 12, 12, 16]), dy: normal([128, 8, 8, 32]) },
      attrs: { ...conv, filterShape: [5, 5, 16, 32] },
    }),
  },
  {
    label: "Conv2DBackpropInput: the same layer's dx",
    kernel: "Conv2DBackpropInput",
    flops: CONV_FLOPS,
    make: () => ({
      inputs: { dy: normal([128, 8, 8, 32]), filter: normal([5, 5, 16, 32]) },
      attrs: { ...conv, inputShape: [128, 12, 12, 16] },
    }),
  },
  {
    // One multiply per input-gradient element.
    label: "AvgPoolGrad: BadNets pool1 dx, 2x2 over 128x24x24x16",
    kernel: "AvgPoolGrad",
    flops: 128 * 24 * 24 * 16,
    make: () => ({
      inputs: { dy: normal([128, 12, 12, 16]), input: normal([128, 24, 24, 16]) },
      attrs: { filterSize: [2, 2], strides: [2, 2], pad: "valid" },
    }),
  },
];
