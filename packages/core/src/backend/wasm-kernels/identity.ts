/**
 * Identity for the wasm backend without a copy. The engine clones every tensor it saves for the
 * backward pass through Identity, and tfjs-backend-wasm 4.22 copies the whole buffer each time:
 * 0.5 ms per step for one 784x256 weight matrix. Tensors are immutable and variables swap their
 * data on assign, so sharing the buffer and counting the reference is safe, and is what the cpu
 * backend and wasm's own Reshape do. Strings keep the stock path.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs";

interface RefCountingBackend {
  incRef(dataId: object): void;
}

export function sharedIdentityConfig(original: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const x = args.inputs.x as TensorInfo;
    if (x.dtype === "string") return original.kernelFunc(args);
    (args.backend as RefCountingBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  };
  return { ...original, kernelFunc };
}
