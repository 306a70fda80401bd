/**
 * What a reproduction cost on the machine that ran it: the `repro-run` events `hemlock repro`
 * logs (seconds, worker threads, backend, cells run and already done), for the report and the
 * leaderboard's reproductions page.
 */

import type { Store } from "../database/open-store.js";
import { experimentEvents } from "./experiment-queries.js";

export interface ReproRunRecord {
  seconds: number;
  threads: number;
  backend: string;
  cells: number;
  alreadyDone: number;
  finished: number;
}

/** The latest repro run that computed cells (a rerun that found everything done says nothing of the cost). */
export function lastComputingReproRun(
  store: Store,
  experimentId: number,
): { at: Date; record: ReproRunRecord } | undefined {
  const runs = experimentEvents(store, experimentId, "repro-run");
  const run = runs.find((r) => ((r.payload as ReproRunRecord | null)?.finished ?? 0) > 0) ?? runs[0];
  return run ? { at: run.at, record: run.payload as ReproRunRecord } : undefined;
}
