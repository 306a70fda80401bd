/**
 * Shared geometry for the conv2d gradient kernels: resolves tfjs padding attributes to explicit
 * per-side amounts, and splits a signed padding into a non-negative pad plus a crop, since a
 * gradient expressed as a forward conv can need "negative padding" at the far edge.
 */
import type { backend_util } from "@tensorflow/tfjs";
import { HemlockError } from "../../errors.js";
import { tf } from "../tf.js";

export type PadAttr = Parameters<typeof backend_util.computeConv2DInfo>[4];

export interface ConvGradGeometry {
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padBottom: number;
  padLeft: number;
  padRight: number;
}

/** Geometry of the forward conv whose gradient is being computed (dilation 1, as tfjs requires). */
export function forwardConvGeometry(
  kernelName: string,
  xShape: [number, number, number, number],
  filterShape: [number, number, number, number],
  strides: number | [number, number],
  pad: PadAttr,
  dimRoundingMode: "floor" | "round" | "ceil" | undefined,
  dataFormat: string | undefined,
): ConvGradGeometry {
  if (dataFormat !== undefined && dataFormat !== "NHWC" && dataFormat !== "channelsLast") {
    throw new HemlockError(
      "KERNEL_UNSUPPORTED",
      `${kernelName} on the wasm backend supports dataFormat NHWC only, got ${dataFormat}`,
      "Use channels-last tensors, or run with --backend cpu.",
    );
  }
  const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad, dimRoundingMode);
  return {
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    padTop: info.padInfo.top,
    padBottom: info.padInfo.bottom,
    padLeft: info.padInfo.left,
    padRight: info.padInfo.right,
  };
}

/** A signed padding split into the pad to add and the rows or columns to crop. */
export interface SignedPad {
  pad: number;
  crop: number;
}

export function splitSignedPad(amount: number): SignedPad {
  return amount >= 0 ? { pad: amount, crop: 0 } : { pad: 0, crop: -amount };
}
