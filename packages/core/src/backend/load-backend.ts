/**
 * Loads one tfjs backend into this thread's engine and reports whether it initialized. Each
 * loader runs at most once per thread (tfjs registries are per thread, so Piscina workers load
 * their own). A failure is returned as a reason a person can act on, not thrown.
 */

import type { BackendName } from "./backend-name.js";
import { tfjsNodeBindingPresent } from "./native-binding.js";
import { tf } from "./tf.js";
import { registerWasmKernels } from "./wasm-kernels/register-wasm-kernels.js";

export type LoadResult = { ok: true } | { ok: false; reason: string };

const loads = new Map<BackendName, Promise<LoadResult>>();

/** Loads (once) and initializes the named backend. Does not make it the active backend. */
export function loadBackend(name: BackendName): Promise<LoadResult> {
  let load = loads.get(name);
  if (load === undefined) {
    load = LOADERS[name]().catch((error: unknown) => ({ ok: false as const, reason: describe(error) }));
    loads.set(name, load);
  }
  return load;
}

const LOADERS: Record<BackendName, () => Promise<LoadResult>> = {
  async tensorflow() {
    // A variable specifier keeps bundlers and tsc from resolving the optional dependency.
    const specifier = "@tensorflow/tfjs-node";
    const binding = tfjsNodeBindingPresent();
    if (binding === undefined)
      return { ok: false, reason: "@tensorflow/tfjs-node is not installed (optional dependency)" };
    if (!binding)
      return {
        ok: false,
        reason:
          "@tensorflow/tfjs-node is installed without its native libtensorflow binding (lib/napi-v<N>/tfjs_binding.node; its install step downloads libtensorflow, which needs network access)",
      };
    try {
      await import(specifier);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ERR_MODULE_NOT_FOUND" && String(error).includes(`'${specifier}'`)) {
        return { ok: false, reason: "@tensorflow/tfjs-node is not installed (optional dependency)" };
      }
      return {
        ok: false,
        reason: `@tensorflow/tfjs-node is installed but its native libtensorflow binding did not load (its install step downloads libtensorflow, which needs network access): ${firstLine(error)}`,
      };
    }
    return initialize("tensorflow");
  },
  async wasm() {
    await import("@tensorflow/tfjs-backend-wasm");
    registerWasmKernels();
    return initialize("wasm");
  },
  async cpu() {
    return initialize("cpu");
  },
};

async function initialize(name: BackendName): Promise<LoadResult> {
  // PROD silences tfjs's console banners ("install tfjs-node") and kernel re-registration
  // notices; Hemlock reports the backend choice itself.
  tf.env().set("PROD", true);
  if (tf.findBackend(name) === null && tf.findBackendFactory(name) === null) {
    return { ok: false, reason: `the ${name} backend did not register with tfjs` };
  }
  // setBackend initializes the backend and runs its kernels' setup functions. Read the active
  // backend from the engine, not tf.getBackend(), which would auto-initialize one.
  const previous: string | undefined = tf.engine().backendName;
  const ok = await tf.setBackend(name);
  if (previous !== undefined && previous !== name && tf.findBackend(previous) !== null) {
    await tf.setBackend(previous);
  }
  return ok ? { ok: true } : { ok: false, reason: `the ${name} backend failed to initialize` };
}

function firstLine(error: unknown): string {
  return (describe(error).split("\n")[0] ?? "").trim().replace(/\.$/, "");
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
