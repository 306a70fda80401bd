/**
 * The worker side of the pool: each worker thread selects its compute backend once (one tfjs
 * backend per worker) and runs groups of cells, posting every cell's outcome back as soon as it
 * is known, so a worker that dies later loses only the cells it had not finished.
 */
import type { MessagePort } from "node:worker_threads";
import { threadId } from "node:worker_threads";
import { type BackendChoice, selectBackend } from "@hemlock/core";
import { type GroupJob, runPoisonGroup } from "./run-poison-group.js";

export const GROUP_DONE = "group-done";

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
}

export default async function runPoolTask({ job, backend, port }: PoolTask): Promise<void> {
  backendReady ??= selectBackend(backend);
  await backendReady;
  try {
    await runPoisonGroup({ ...job, workerId: threadId }, (outcome) => port.postMessage(outcome));
  } finally {
    // The last message on the port: every outcome before it has been delivered.
    port.postMessage(GROUP_DONE);
    port.close();
  }
}
