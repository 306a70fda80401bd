/**
 * The compute backend a command runs on, from the global --backend option (into which commander
 * folds HEMLOCK_BACKEND): parsed and selected in this one place for every command that trains,
 * and named without being started for the commands that only plan.
 */
import {
  type BackendName,
  type BackendSelection,
  parseBackendChoice,
  plannedBackend,
  selectBackend,
} from "@hemlock/core";

export function selectBackendOption(options: Record<string, unknown>): Promise<BackendSelection> {
  return selectBackend(parseBackendChoice(String(options.backend ?? "auto")));
}

export function plannedBackendOption(options: Record<string, unknown>): Promise<BackendName> {
  return plannedBackend(parseBackendChoice(String(options.backend ?? "auto")));
}
