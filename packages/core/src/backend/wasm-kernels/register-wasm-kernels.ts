/**
 * Installs Hemlock's wasm kernels over tfjs-backend-wasm's registry. Must run before
 * tf.setBackend("wasm"), because the engine calls each kernel's setupFunc when the backend is
 * set. Idempotent, and reversible so benchmarks can measure the stock kernels.
 */
import { getKernel, type KernelConfig, registerKernel, unregisterKernel } from "@tensorflow/tfjs";
import { fastAvgPoolGradConfig } from "./avg-pool-grad.js";
import { fastBatchMatMulConfig } from "./batch-matmul.js";
import { conv2DBackpropFilterConfig } from "./conv2d-backprop-filter.js";
import { fastConv2DBackpropInputConfig } from "./conv2d-backprop-input.js";
import { sharedIdentityConfig } from "./identity.js";

/** The stock configs we replaced (undefined where wasm had none), for unpatching. */
let replaced: Map<string, KernelConfig | undefined> | undefined;

function install(config: KernelConfig): void {
  if (getKernel(config.kernelName, "wasm") !== undefined) unregisterKernel(config.kernelName, "wasm");
  registerKernel(config);
}

export function registerWasmKernels(): void {
  if (replaced !== undefined) return;
  const stockMatMul = getKernel("BatchMatMul", "wasm");
  if (stockMatMul === undefined) {
    throw new Error("tfjs-backend-wasm must be imported before Hemlock's wasm kernels are registered");
  }
  const stockConvInput = getKernel("Conv2DBackpropInput", "wasm");
  const stockIdentity = getKernel("Identity", "wasm");
  const stockAvgPoolGrad = getKernel("AvgPoolGrad", "wasm");
  replaced = new Map([
    ["BatchMatMul", stockMatMul],
    ["Conv2DBackpropInput", stockConvInput],
    ["Conv2DBackpropFilter", getKernel("Conv2DBackpropFilter", "wasm")],
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
    unregisterKernel(name, "wasm");
    if (stock !== undefined) registerKernel(stock);
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
