/**
 * BatchMatMul for the wasm backend. tfjs-backend-wasm 4.22 has one fast path (XNNPACK, about
 * 20 GFLOP/s): a single 2-D product with no transposes. Everything else, including transposed
 * operands (every dense layer's backward pass) and any batch dimension, runs a naive loop at
 * 1-2 GFLOP/s. This kernel rewrites each product so it takes the fast path:
 * - transposes become explicit Transpose kernels, O(n^2) work before an O(n^3) product, choosing
 *   between C = op(A) op(B) and C = (op(B)^T op(A)^T)^T, whichever moves fewer elements;
 * - a batch against a single matrix folds into one tall product; other batches are split into
 *   2-D products and concatenated. Products too small to repay the bookkeeping keep the stock loop.
 * The stock kernel's setupFunc is kept, since it binds the wasm function the fast path calls.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs";
import { tf } from "../tf.js";
import { inKernelScope, type KernelScope } from "./kernel-scope.js";

/** Below this many multiply-adds per product, the stock loop beats splitting and transposing. */
const MIN_FAST_PRODUCT = 32 * 32 * 32;

type Stock = (a: TensorInfo, b: TensorInfo, transposeA: boolean, transposeB: boolean) => TensorInfo;

/** C = op(A) op(B) for rank-2 a and b, through the stock untransposed fast path. */
export function fastMatMul2D(
  scope: KernelScope,
  stock: Stock,
  a: TensorInfo,
  b: TensorInfo,
  tA: boolean,
  tB: boolean,
): TensorInfo {
  if (!tA && !tB) return scope.track(stock(a, b, false, false));
  const [aRows, aCols] = a.shape as [number, number];
  const [bRows, bCols] = b.shape as [number, number];
  const [m, k] = tA ? [aCols, aRows] : [aRows, aCols];
  const n = tB ? bRows : bCols;
  // Elements moved by each form: transpose the transposed operands, or transpose the others
  // plus the output.
  const costDirect = (tA ? m * k : 0) + (tB ? k * n : 0);
  const costViaOutput = (tA ? 0 : m * k) + (tB ? 0 : k * n) + m * n;
  if (costDirect <= costViaOutput) {
    const a2 = tA ? scope.transpose(a, [1, 0]) : a;
    const b2 = tB ? scope.transpose(b, [1, 0]) : b;
    return scope.track(stock(a2, b2, false, false));
  }
  // C^T = op(B)^T op(A)^T, where op(B)^T is b itself when tB, and op(A)^T is a itself when tA.
  const left = tB ? b : scope.transpose(b, [1, 0]);
  const right = tA ? a : scope.transpose(a, [1, 0]);
  const cT = scope.track(stock(left, right, false, false));
  return scope.transpose(cT, [1, 0]);
}

export function fastBatchMatMulConfig(original: KernelConfig): KernelConfig {
  const originalFunc = original.kernelFunc;
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const a = inputs.a as TensorInfo;
    const b = inputs.b as TensorInfo;
    const { transposeA: tA, transposeB: tB } = attrs as { transposeA: boolean; transposeB: boolean };
    const [aRows, aCols] = a.shape.slice(-2) as [number, number];
    const [bRows, bCols] = b.shape.slice(-2) as [number, number];
    const [m, k] = tA ? [aCols, aRows] : [aRows, aCols];
    const n = tB ? bRows : bCols;
    const batchA = product(a.shape.slice(0, -2));
    const batchB = product(b.shape.slice(0, -2));
    const outShape = [
      ...tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2)),
      m,
      n,
    ];
    const plainBatchOne = batchA === 1 && batchB === 1 && !tA && !tB;
    const supportedBatch = batchA === batchB || batchA === 1 || batchB === 1;
    if (plainBatchOne || m * k * n < MIN_FAST_PRODUCT || !supportedBatch) {
      return originalFunc({ inputs, backend, attrs });
    }

    const stock: Stock = (x, y, transposeA, transposeB) =>
      originalFunc({ inputs: { a: x, b: y }, backend, attrs: { transposeA, transposeB } }) as TensorInfo;
    return inKernelScope(backend, (scope) => {
      let c: TensorInfo;
      if (batchB === 1 && !tA) {
        // A batch of rows against one matrix is one tall product.
        const a2 = scope.reshape(a, [batchA * m, k]);
        const b2 = scope.reshape(b, [bRows, bCols]);
        c = fastMatMul2D(scope, stock, a2, b2, false, tB);
      } else {
        const batch = Math.max(batchA, batchB);
        // An operand with one matrix is shared by every product; wasm's Slice copies even a
        // whole-tensor slice, so only batched operands are sliced.
        const a3 = batchA === 1 ? undefined : scope.reshape(a, [batchA, aRows, aCols]);
        const b3 = batchB === 1 ? undefined : scope.reshape(b, [batchB, bRows, bCols]);
        const matrix = (x: TensorInfo, x3: TensorInfo | undefined, i: number, rows: number, cols: number) =>
          x3 === undefined
            ? scope.reshape(x, [rows, cols])
            : scope.reshape(scope.slice(x3, [i, 0, 0], [1, rows, cols]), [rows, cols]);
        const a1 = a3 === undefined ? matrix(a, undefined, 0, aRows, aCols) : undefined;
        const b1 = b3 === undefined ? matrix(b, undefined, 0, bRows, bCols) : undefined;
        const parts: TensorInfo[] = [];
        for (let i = 0; i < batch; i++) {
          const ai = a1 ?? matrix(a, a3, i, aRows, aCols);
          const bi = b1 ?? matrix(b, b3, i, bRows, bCols);
          parts.push(scope.reshape(fastMatMul2D(scope, stock, ai, bi, tA, tB), [1, m, n]));
        }
        c = parts.length === 1 ? (parts[0] as TensorInfo) : scope.concat(parts, 0);
      }
      const out = scope.reshape(c, outShape);
      return out;
    });
  };
  return { ...original, kernelFunc };
}

function product(dims: number[]): number {
  return dims.reduce((x, y) => x * y, 1);
}
