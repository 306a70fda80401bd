/**
 * A description of the active compute backend, recorded with every result so numbers from
 * different backends are never mixed up silently.
 */
import { tf } from "./tf.js";
import { HEMLOCK_WASM_KERNELS } from "./wasm-kernels/register-wasm-kernels.js";

export interface BackendInfo {
  name: string;
  tfjsVersion: string;
  /** Kernels Hemlock installed over the backend's own (wasm only). */
  hemlockKernels: string[];
}

export function activeBackendInfo(): BackendInfo {
  const name = tf.getBackend();
  return {
    name,
    tfjsVersion: tf.version_core,
    hemlockKernels: name === "wasm" ? [...HEMLOCK_WASM_KERNELS] : [],
  };
}
