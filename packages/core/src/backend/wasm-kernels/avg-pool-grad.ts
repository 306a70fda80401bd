/**
 * AvgPoolGrad for the wasm backend, for non-overlapping windows (window = stride, no padding),
 * the pooling of the BadNets CNN and most small CNNs. The stock kernel takes about 12 ms for the
 * BadNets first pool at batch 128; here the gradient spreads dy evenly over each window in one
 * broadcast Multiply, dy as [N,Ho,1,Wo,1,C] times a [1,1,fh,1,fw,1] block of 1/(window area)
 * (about 3.5 ms; wasm's Tile takes 80 ms for the same), with zero rows and columns where the
 * forward pool dropped a remainder. Other geometries keep the stock kernel.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs";
import { inKernelScope } from "./kernel-scope.js";

interface Attrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: "valid" | "same" | number;
}

const pair = (v: number | [number, number]): [number, number] => (typeof v === "number" ? [v, v] : v);

export function fastAvgPoolGradConfig(original: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const dy = args.inputs.dy as TensorInfo;
    const input = args.inputs.input as TensorInfo;
    const attrs = args.attrs as unknown as Attrs;
    const [fh, fw] = pair(attrs.filterSize);
    const [sh, sw] = pair(attrs.strides);
    const validPad = attrs.pad === "valid" || attrs.pad === 0;
    if (fh !== sh || fw !== sw || !validPad || dy.shape.length !== 4 || dy.dtype !== "float32") {
      return original.kernelFunc(args);
    }
    const [n, outH, outW, c] = dy.shape as [number, number, number, number];
    const [, height, width] = input.shape as [number, number, number, number];

    return inKernelScope(args.backend, (scope) => {
      const share = scope.run("Fill", {}, { shape: [1, 1, fh, 1, fw, 1], value: 1 / (fh * fw), dtype: "float32" });
      const expanded = scope.reshape(dy, [n, outH, 1, outW, 1, c]);
      const spread = scope.run("Multiply", { a: expanded, b: share });
      let out = scope.reshape(spread, [n, outH * fh, outW * fw, c]);
      if (height > outH * fh || width > outW * fw) {
        const paddings = [
          [0, 0],
          [0, height - outH * fh],
          [0, width - outW * fw],
          [0, 0],
        ];
        out = scope.run("PadV2", { x: out }, { paddings, constantValue: 0 });
      }
      return out;
    });
  };
  return { ...original, kernelFunc };
}
