/** Shows which compute backend would be used and why each other one is not. */
import { HEMLOCK_WASM_KERNELS, isHemlockError, parseBackendChoice, selectBackend } from "@hemlock/core";
import type { CheckItem, CheckSection } from "./check-result.js";

export async function checkBackends(requested: string): Promise<CheckSection> {
  let choice: ReturnType<typeof parseBackendChoice>;
  try {
    choice = parseBackendChoice(requested);
  } catch (error) {
    if (!isHemlockError(error)) throw error;
    return { title: "backend", status: "fail", summary: error.message, items: [] };
  }
  try {
    const selection = await selectBackend(choice, { probeAll: true });
    const items: CheckItem[] = selection.statuses.map((s) => ({
      label: s.name,
      status: s.name === selection.name ? "ok" : s.available === false ? "warn" : "ok",
      detail:
        s.name === selection.name && s.name === "wasm"
          ? `selected, with Hemlock's kernels: ${HEMLOCK_WASM_KERNELS.join(", ")}`
          : s.detail,
    }));
    return { title: "backend", status: "ok", summary: `${selection.name} would be used (requested: ${choice})`, items };
  } catch (error) {
    if (!isHemlockError(error)) throw error;
    return {
      title: "backend",
      status: "fail",
      summary: error.message,
      items: [{ label: choice, status: "fail", detail: error.message, ...(error.hint ? { fix: error.hint } : {}) }],
    };
  }
}
