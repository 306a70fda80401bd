/**
 * Chooses and activates the compute backend for this thread: tfjs-node if it loads, else wasm,
 * else cpu, unless the caller names one. Returns what was chosen and why every other backend was
 * not, so the choice can be shown (hemlock doctor) and recorded with every result.
 */

import { HemlockError } from "../errors.js";
import { BACKEND_NAMES, type BackendChoice, type BackendName } from "./backend-name.js";
import { loadBackend } from "./load-backend.js";
import { tf } from "./tf.js";

export interface BackendStatus {
  name: BackendName;
  /** true: loaded and initialized; false: failed; undefined: not tried (a preferred one loaded). */
  available: boolean | undefined;
  detail: string;
}

export interface BackendSelection {
  name: BackendName;
  requested: BackendChoice;
  statuses: BackendStatus[];
}

export interface SelectBackendOptions {
  /** Try every backend even after one succeeds, so each gets a definite status (doctor). */
  probeAll?: boolean;
}

export async function selectBackend(
  choice: BackendChoice = "auto",
  options: SelectBackendOptions = {},
): Promise<BackendSelection> {
  const statuses = new Map<BackendName, BackendStatus>();
  const candidates = choice === "auto" ? BACKEND_NAMES : [choice];
  let chosen: BackendName | undefined;

  for (const name of BACKEND_NAMES) {
    const wanted = candidates.includes(name) && chosen === undefined;
    if (!wanted && !options.probeAll) {
      statuses.set(name, { name, available: undefined, detail: notTriedDetail(name, choice, chosen) });
      continue;
    }
    const result = await loadBackend(name);
    if (result.ok) {
      if (wanted) chosen = name;
      statuses.set(name, {
        name,
        available: true,
        detail: chosen === name ? "selected" : `available, but ${notTriedDetail(name, choice, chosen)}`,
      });
    } else {
      statuses.set(name, { name, available: false, detail: result.reason });
    }
  }

  if (chosen === undefined) {
    const reason = statuses.get(choice as BackendName)?.detail ?? "no backend loaded";
    throw new HemlockError(
      "BACKEND_UNAVAILABLE",
      `backend "${choice}" is not available: ${reason}`,
      "Run `hemlock doctor` to see every backend's status, or choose another with --backend.",
    );
  }
  await tf.setBackend(chosen);
  return { name: chosen, requested: choice, statuses: BACKEND_NAMES.map((n) => statuses.get(n) as BackendStatus) };
}

function notTriedDetail(name: BackendName, choice: BackendChoice, chosen: BackendName | undefined): string {
  if (choice !== "auto") return `not requested (--backend ${choice})`;
  return chosen === undefined ? "not tried" : `${chosen} is preferred over ${name}`;
}
