/**
 * The compute backends Hemlock can run on, in order of preference: tfjs-node (native
 * libtensorflow), tfjs-backend-wasm (XNNPACK, with Hemlock's kernels), then pure-JS cpu.
 */
import { HemlockError } from "../errors.js";

export const BACKEND_NAMES = ["tensorflow", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export type BackendChoice = BackendName | "auto";

export function parseBackendChoice(value: string, source = "--backend"): BackendChoice {
  if (value === "auto" || (BACKEND_NAMES as readonly string[]).includes(value)) {
    return value as BackendChoice;
  }
  throw new HemlockError(
    "BACKEND_UNKNOWN",
    `${source}: unknown backend "${value}"; expected one of auto, ${BACKEND_NAMES.join(", ")}`,
  );
}
