/** Reports the default worker count: one worker per available core. */
import { availableParallelism } from "node:os";
import type { CheckSection } from "./check-result.js";

export function checkWorkers(): CheckSection {
  const cores = availableParallelism();
  return {
    title: "workers",
    status: "ok",
    summary: `${cores} by default (one per core; --workers N to change)`,
    items: [],
  };
}
