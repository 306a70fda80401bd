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

  it("does not leak tensors or wasm memory across kernel calls", async () => {
    await tf.setBackend("wasm");
    const x = tf.randomNormal([4, 9, 9, 3], 0, 1, "float32", 1);
    const w = tf.randomNormal([3, 3, 3, 5], 0, 1, "float32", 2);
    const before = tf.memory();
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, "same").sum(),
    )([x, w]);
    tf.dispose(grads);
    // Batched and transposed products take the split and transpose paths.
    const a = tf.randomNormal([3, 40, 50], 0, 1, "float32", 3);
    const b = tf.randomNormal([3, 60, 50], 0, 1, "float32", 4);
    tf.tidy(() => {
      tf.matMul(a, b, false, true);
      tf.matMul(a, b.slice([0, 0, 0], [1, 60, 50]), false, true);
    });
    tf.dispose([a, b]);
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    tf.dispose([x, w]);
  });
});

describe("wasm Identity (Hemlock kernel: shares the buffer instead of copying)", () => {
  it("shares data, keeps values when the source is disposed, and frees memory at the last reference", async () => {
    await tf.setBackend("wasm");
    const before = tf.memory().numDataBuffers;
    const x = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const y = tf.engine().runKernel("Identity", { x }) as tf.Tensor;
    expect(tf.memory().numDataBuffers - before).toBe(1); // one buffer, shared by x and y
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3, 4]);
    y.dispose();
    expect(tf.memory().numDataBuffers).toBe(before);
  });

  it("leaves a variable's saved value intact when the variable is reassigned", async () => {
    await tf.setBackend("wasm");
    const v = tf.variable(tf.tensor1d([1, 2, 3]));
    const saved = tf.engine().runKernel("Identity", { x: v }) as tf.Tensor;
    v.assign(tf.tensor1d([7, 8, 9]));
    expect(Array.from(saved.dataSync())).toEqual([1, 2, 3]);
    expect(Array.from(v.dataSync())).toEqual([7, 8, 9]);
    tf.dispose([v, saved]);
  });
});
