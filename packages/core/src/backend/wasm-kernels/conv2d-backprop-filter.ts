/**
 * Conv2DBackpropFilter for the wasm backend, which tfjs-backend-wasm 4.22 does not register
 * (so any CNN fails to train there). The filter gradient is itself a forward convolution:
 *   dW[a,b,ci,co] = sum_{n,i,j} x[n, i*sh + a - pt, j*sw + b - pl, ci] * dy[n,i,j,co]
 * which is conv2d(x as [Cin,H,W,N], dy as the filter [Ho,Wo,N,Cout]) with the forward stride as
 * the dilation, the forward padding, and the result transposed back to [fh,fw,Cin,Cout].
 * It reuses wasm's XNNPACK Conv2D, so it runs at forward-conv speed.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs";
import { forwardConvGeometry, type PadAttr, splitSignedPad } from "./conv-geometry.js";
import { inKernelScope } from "./kernel-scope.js";

type Shape4 = [number, number, number, number];

interface Attrs {
  strides: number | [number, number];
  pad: PadAttr;
  dataFormat?: string;
  dimRoundingMode?: "floor" | "round" | "ceil";
  filterShape: Shape4;
}

const conv2DBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const x = inputs.x as TensorInfo;
  const dy = inputs.dy as TensorInfo;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Attrs;
  const [n, height, width, inChannels] = x.shape as Shape4;
  const [, outHeight, outWidth] = dy.shape as Shape4;
  const [filterHeight, filterWidth] = filterShape;
  const g = forwardConvGeometry(
    "Conv2DBackpropFilter",
    x.shape as Shape4,
    filterShape,
    strides,
    pad,
    dimRoundingMode,
    dataFormat,
  );

  // Trailing rows/columns the forward conv never reached must be cropped, not padded.
  const bottom = splitSignedPad(filterHeight - height - g.padTop + (outHeight - 1) * g.strideHeight);
  const right = splitSignedPad(filterWidth - width - g.padLeft + (outWidth - 1) * g.strideWidth);

  return inKernelScope(backend, (scope) => {
    let xT = scope.transpose(x, [3, 1, 2, 0]); // [Cin, H, W, N]
    if (bottom.crop > 0 || right.crop > 0) {
      xT = scope.slice(xT, [0, 0, 0, 0], [inChannels, height - bottom.crop, width - right.crop, n]);
    }
    const dyT = scope.transpose(dy, [1, 2, 0, 3]); // [Ho, Wo, N, Cout]
    const grad = scope.run(
      "Conv2D",
      { x: xT, filter: dyT },
      {
        strides: [1, 1],
        pad: [
          [0, 0],
          [g.padTop, bottom.pad],
          [g.padLeft, right.pad],
          [0, 0],
        ],
        dataFormat: "NHWC",
        dilations: [g.strideHeight, g.strideWidth],
        dimRoundingMode: "floor",
      },
    ); // [Cin, fh, fw, Cout]
    const out = scope.transpose(grad, [1, 2, 0, 3]);
    return out;
  });
};

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: "Conv2DBackpropFilter",
  backendName: "wasm",
  kernelFunc: conv2DBackpropFilter,
};
