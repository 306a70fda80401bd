/**
 * The compute backend a command runs on, from the global --backend option (into which commander
 * folds HEMLOCK_BACKEND): parsed and selected in this one place for every command that trains.
 */
import { type BackendSelection, parseBackendChoice, selectBackend } from "@hemlock/core";

export function selectBackendOption(options: Record<string, unknown>): Promise<BackendSelection> {
  return selectBackend(parseBackendChoice(String(options.backend ?? "auto")));
}
