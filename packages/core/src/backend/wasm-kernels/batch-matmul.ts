/**
 * BatchMatMul for the wasm backend. tfjs-backend-wasm 4.22 runs transposed operands at about
 * 1 GFLOP/s against about 20 GFLOP/s for the plain case, and every dense layer's backward pass
 * multiplies by a transposed operand. Transposing explicitly first (O(n^2) work) and then taking
 * the fast path (O(n^3)) is an order of magnitude faster. The original kernel's setupFunc is kept,
 * since it binds the wasm function that the fast path calls.
 */
import type { KernelBackend, KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs";
import { KernelScope, swapLastTwoAxes } from "./kernel-scope.js";

export function fastBatchMatMulConfig(original: KernelConfig): KernelConfig {
  const originalFunc = original.kernelFunc;
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return originalFunc({ inputs, backend, attrs });

    const scope = new KernelScope(backend as KernelBackend);
    try {
      let a = inputs.a as TensorInfo;
      let b = inputs.b as TensorInfo;
      if (transposeA) a = scope.transpose(a, swapLastTwoAxes(a.shape.length));
      if (transposeB) b = scope.transpose(b, swapLastTwoAxes(b.shape.length));
      return originalFunc({
        inputs: { a, b },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    } finally {
      scope.dispose();
    }
  };
  return { ...original, kernelFunc };
}
