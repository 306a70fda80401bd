import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBackend } from "../load-backend.js";
import { registerWasmKernels, unregisterWasmKernels } from "./register-wasm-kernels.js";

beforeAll(async () => {
  expect(await loadBackend("wasm")).toEqual({ ok: true });
});

describe("registerWasmKernels", () => {
  it("replaces kernel functions but keeps the stock setupFunc of overridden kernels", () => {
    unregisterWasmKernels();
    const stockMatMul = tf.getKernel("BatchMatMul", "wasm");
    const stockConvInput = tf.getKernel("Conv2DBackpropInput", "wasm");
    expect(tf.getKernel("Conv2DBackpropFilter", "wasm")).toBeUndefined();

    registerWasmKernels();
    const matMul = tf.getKernel("BatchMatMul", "wasm");
    const convInput = tf.getKernel("Conv2DBackpropInput", "wasm");
    expect(matMul?.kernelFunc).not.toBe(stockMatMul?.kernelFunc);
    expect(matMul?.setupFunc).toBe(stockMatMul?.setupFunc);
    expect(convInput?.kernelFunc).not.toBe(stockConvInput?.kernelFunc);
    expect(convInput?.setupFunc).toBe(stockConvInput?.setupFunc);
    expect(tf.getKernel("Conv2DBackpropFilter", "wasm")).toBeDefined();
  });

  it("is idempotent and reversible", () => {
    registerWasmKernels();
    const once = tf.getKernel("BatchMatMul", "wasm")?.kernelFunc;
    registerWasmKernels();
    expect(tf.getKernel("BatchMatMul", "wasm")?.kernelFunc).toBe(once);
    unregisterWasmKernels();
    expect(tf.getKernel("Conv2DBackpropFilter", "wasm")).toBeUndefined();
    expect(tf.getKernel("BatchMatMul", "wasm")?.kernelFunc).not.toBe(once);
    registerWasmKernels();
  });

  it("does not leak tensors or wasm memory across a kernel call", async () => {
    await tf.setBackend("wasm");
    const x = tf.randomNormal([4, 9, 9, 3], 0, 1, "float32", 1);
    const w = tf.randomNormal([3, 3, 3, 5], 0, 1, "float32", 2);
    const before = tf.memory();
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, "same").sum(),
    )([x, w]);
    tf.dispose(grads);
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    tf.dispose([x, w]);
  });
});
