/**
 * Installs Hemlock's wasm kernels over tfjs-backend-wasm's registry. Must run before
 * tf.setBackend("wasm"), because the engine calls each kernel's setupFunc when the backend is
 * set. Idempotent, and reversible so benchmarks can measure the stock kernels.
 */
import type { KernelConfig } from "@tensorflow/tfjs";
import { tf } from "../tf.js";
import { fastAvgPoolGradConfig } from "./avg-pool-grad.js";
import { fastBatchMatMulConfig } from "./batch-matmul.js";
import { conv2DBackpropFilterConfig } from "./conv2d-backprop-filter.js";
import { fastConv2DBackpropInputConfig } from "./conv2d-backprop-input.js";
import { sharedIdentityConfig } from "./identity.js";

/** The stock configs we replaced (undefined where wasm had none), for unpatching. */
let replaced: Map<string, KernelConfig | undefined> | undefined;

function install(config: KernelConfig): void {
  if (tf.getKernel(config.kernelName, "wasm") !== undefined) tf.unregisterKernel(config.kernelName, "wasm");
  tf.registerKernel(config);
}

export function registerWasmKernels(): void {
  if (replaced !== undefined) return;
  const stockMatMul = tf.getKernel("BatchMatMul", "wasm");
  if (stockMatMul === undefined) {
    throw new Error("tfjs-backend-wasm must be imported before Hemlock's wasm kernels are registered");
  }
  const stockConvInput = tf.getKernel("Conv2DBackpropInput", "wasm");
  const stockIdentity = tf.getKernel("Identity", "wasm");
  const stockAvgPoolGrad = tf.getKernel("AvgPoolGrad", "wasm");
  replaced = new Map([
    ["BatchMatMul", stockMatMul],
    ["Conv2DBackpropInput", stockConvInput],
    ["Conv2DBackpropFilter", tf.getKernel("Conv2DBackpropFilter", "wasm")],
    ["Identity", stockIdentity],
    ["AvgPoolGrad", stockAvgPoolGrad],
  ]);
  install(fastBatchMatMulConfig(stockMatMul));
  install(fastConv2DBackpropInputConfig(stockConvInput));
  install(conv2DBackpropFilterConfig);
  if (stockIdentity !== undefined) install(sharedIdentityConfig(stockIdentity));
  if (stockAvgPoolGrad !== undefined) install(fastAvgPoolGradConfig(stockAvgPoolGrad));
}

/** Restores tfjs-backend-wasm's own kernels. For benchmarks and tests that compare against them. */
export function unregisterWasmKernels(): void {
  if (replaced === undefined) return;
  for (const [name, stock] of replaced) {
    tf.unregisterKernel(name, "wasm");
    if (stock !== undefined) tf.registerKernel(stock);
  }
  replaced = undefined;
}

/** Names of the kernels Hemlock replaces or adds on the wasm backend. */
export const HEMLOCK_WASM_KERNELS = [
  "AvgPoolGrad",
  "BatchMatMul",
  "Conv2DBackpropFilter",
  "Conv2DBackpropInput",
  "Identity",
] as const;
