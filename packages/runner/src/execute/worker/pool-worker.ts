/**
 * The worker side of the pool: each worker thread selects its compute backend once (one tfjs
 * backend per worker) and runs groups of cells, posting every cell's outcome back as soon as it
 * is known, so a worker that dies later loses only the cells it had not finished.
 */
import type { MessagePort } from "node:worker_threads";
import { threadId } from "node:worker_threads";
import { type BackendChoice, selectBackend } from "@hemlock/core";
import { type CellOutcome, type GroupJob, runPoisonGroup } from "./run-poison-group.js";

export const GROUP_DONE = "group-done";
/** Posted first when a worker starts a group (before any outcome). */
export const GROUP_STARTED = "group-started";

// Piscina loads a worker module with require() first, and on Node 20 require() of this ES module
// graph has aborted the process (an assertion in ModuleWrap::CreateRequiredModuleFacade, seen in
// a CI run on 2026-12-07). A top-level await makes that require() fail cleanly
// (ERR_REQUIRE_ASYNC_MODULE), so Piscina falls back to import(), as on Node before require(esm).
await Promise.resolve();

let backendReady: Promise<unknown> | undefined;

export interface PoolTask {
  job: GroupJob;
  backend: BackendChoice;
  port: MessagePort;
  /**
   * Set (to 1) by the main thread when the run stops taking new work. A group waiting in the
   * pool's queue behind a running one checks it when a worker takes it, and is then not started.
   */
  stop?: Int32Array;
}

/** A worker thread's task: select the backend once, then run the group. */
export default async function runPoolTask(task: PoolTask): Promise<CellOutcome | undefined> {
  backendReady ??= selectBackend(task.backend);
  await backendReady;
  return runGroupTask(task, runPoisonGroup);
}

/**
 * Runs a group, posting each cell's outcome on `port` but the last, which is the task's result.
 * The pool hands a worker its next group as soon as the task's result arrives, before the main
 * thread gets to the result: posted on the port, the last outcome was recorded first (2-3 ms of
 * SQLite), and the worker waited that long for its next group, per group (tiny cells, see
 * docs/performance.md). The earlier outcomes still go out as they finish, so a worker that dies
 * loses only the cell it was running.
 */
export async function runGroupTask(
  { job, port, stop }: PoolTask,
  runGroup: typeof runPoisonGroup,
): Promise<CellOutcome | undefined> {
  let last: CellOutcome | undefined;
  try {
    if (stop !== undefined && Atomics.load(stop, 0) === 1) return undefined;
    port.postMessage(GROUP_STARTED);
    let reported = 0;
    await runGroup({ ...job, workerId: threadId }, (outcome) => {
      if (++reported === job.cells.length) last = outcome;
      else port.postMessage(outcome);
    });
    return last;
  } catch (error) {
    // Not returned after all: send it the usual way, so it is not lost with the task.
    if (last !== undefined) port.postMessage(last);
    throw error;
  } finally {
    // The last message on the port: every outcome before it has been delivered.
    port.postMessage(GROUP_DONE);
    port.close();
  }
}
