/**
 * Runs wasm kernels from inside another wasm kernel, the way tfjs backends compose kernels
 * internally: by calling registered kernel functions directly with the backend, not through
 * the engine, so no gradient tape or tensor bookkeeping is involved. Every intermediate is
 * tracked and released by dispose(), except the one the caller keeps as its output.
 */
import type { KernelBackend, KernelFunc, NamedAttrMap, TensorInfo } from "@tensorflow/tfjs";
import { tf } from "../tf.js";

export class KernelScope {
  private readonly intermediates: TensorInfo[] = [];

  constructor(
    private readonly backend: KernelBackend,
    /** Kernel functions to use instead of the registry's, e.g. an original we have replaced. */
    private readonly overrides: Partial<Record<string, KernelFunc>> = {},
  ) {}

  run(kernelName: string, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap = {}): TensorInfo {
    const kernelFunc = this.overrides[kernelName] ?? tf.getKernel(kernelName, "wasm")?.kernelFunc;
    if (kernelFunc === undefined) {
      throw new Error(`wasm kernel ${kernelName} is not registered`);
    }
    const out = kernelFunc({ inputs, backend: this.backend, attrs }) as TensorInfo;
    this.intermediates.push(out);
    return out;
  }

  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run("Transpose", { x }, { perm });
  }

  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run("Reshape", { x }, { shape });
  }

  slice(x: TensorInfo, begin: number[], size: number[]): TensorInfo {
    return this.run("Slice", { x }, { begin, size });
  }

  concat(xs: TensorInfo[], axis: number): TensorInfo {
    // Concat is the one kernel whose inputs are a list, not named.
    return this.run("Concat", xs as unknown as Record<string, TensorInfo>, { axis });
  }

  /** Tracks a tensor made outside the scope (e.g. by a kernel called directly) for disposal. */
  track(t: TensorInfo): TensorInfo {
    this.intermediates.push(t);
    return t;
  }

  /**
   * Releases every intermediate except `keep` (the kernel's output). An intermediate that shares
   * its data with `keep` (a reshape) is still released: the backend counts references per view.
   */
  dispose(keep?: TensorInfo): void {
    for (const t of this.intermediates) {
      if (t !== keep) this.backend.disposeData(t.dataId);
    }
    this.intermediates.length = 0;
  }
}

/**
 * Runs a composite kernel body in a fresh scope: on success every intermediate except the
 * returned output is released; on failure all of them are.
 */
export function inKernelScope(backend: unknown, body: (scope: KernelScope) => TensorInfo): TensorInfo {
  const scope = new KernelScope(backend as KernelBackend);
  try {
    const out = body(scope);
    scope.dispose(out);
    return out;
  } catch (error) {
    scope.dispose();
    throw error;
  }
}
