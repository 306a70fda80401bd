/**
 * The names both sides of the distributed executor agree on: one BullMQ queue per compute
 * backend (a cell's identity includes its backend, so a worker only takes groups planned for the
 * backend it runs), the hash where workers announce themselves, and each run's keys.
 */
import type { BackendName } from "@hemlock/core";
import type { CellOutcome } from "../../worker/run-poison-group.js";

/** Prefix of every key Hemlock keeps in Redis (BullMQ's included). */
export const DEFAULT_PREFIX = "hemlock";

export function queueName(backend: BackendName): string {
  return `cells-${backend}`;
}

/** Hash of live workers: field host:pid, value an announcement (see WorkerAnnouncement). */
export function workersKey(prefix: string): string {
  return `${prefix}:workers`;
}

/** Set while the run that queued a group is alive; a worker skips groups of a dead run. */
export function runnerAliveKey(prefix: string, runId: string): string {
  return `${prefix}:run:${runId}:alive`;
}

/** List that carries a run's cell outcomes back to it, in the order each worker reports them. */
export function outcomesKey(prefix: string, runId: string): string {
  return `${prefix}:run:${runId}:outcomes`;
}

export interface WorkerAnnouncement {
  host: string;
  pid: number;
  backend: BackendName;
  threads: number;
  startedAt: string;
  /** Milliseconds since the epoch of the worker's last announcement; older than a minute is dead. */
  seenAt: number;
}

/** Workers that are alive (for one backend, if given), from the announcements hash. */
export function liveWorkers(
  announcements: Record<string, string>,
  backend?: BackendName,
  now = Date.now(),
): WorkerAnnouncement[] {
  return Object.values(announcements)
    .map((text) => JSON.parse(text) as WorkerAnnouncement)
    .filter((w) => (backend === undefined || w.backend === backend) && now - w.seenAt < ANNOUNCEMENT_TTL_MS);
}

/** How often a worker announces itself, and after how long without one it counts as gone. */
export const ANNOUNCE_EVERY_MS = 10_000;
export const ANNOUNCEMENT_TTL_MS = 60_000;

/** The messages a worker sends back on a run's outcomes list (v8-serialized). */
export type OutcomeMessage =
  | { jobId: string; outcome: CellOutcome }
  | { jobId: string; done: true; error?: string; stack?: string };
