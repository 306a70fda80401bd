/**
 * Records one cell's outcome as it arrives, in its own transaction: its status, metrics (under
 * the metric spec's version), artifacts, error, and provenance, the executing side's (host,
 * worker, backend, memory) joined with the run's (code version, runner, times), so an
 * interrupted run loses nothing finished.
 */
import { METRIC_SPEC_VERSION } from "@hemlock/core";
import { recordResults, type Store } from "@hemlock/store";
import type { CodeVersion } from "../artifacts/code-version.js";
import type { CellOutcome } from "../execute/worker/run-poison-group.js";

export function recordOutcome(store: Store, outcome: CellOutcome, code: CodeVersion, runner: string): void {
  recordResults(store, [
    {
      identity: outcome.identity,
      status: outcome.status,
      artifacts: outcome.artifacts,
      ...(outcome.metrics ? { metrics: outcome.metrics, metricSpecVersion: METRIC_SPEC_VERSION } : {}),
      provenance: {
        ...outcome.provenance,
        gitSha: code.gitSha,
        dirty: code.dirty,
        hemlockVersion: code.version,
        runner,
        startedAt: new Date(outcome.startedAt).toISOString(),
        finishedAt: new Date(outcome.finishedAt).toISOString(),
        wallMs: outcome.finishedAt - outcome.startedAt,
        trainings: outcome.trainings,
      },
      ...(outcome.error ? { error: outcome.error } : {}),
      ...(outcome.stack ? { stack: outcome.stack } : {}),
      startedAt: new Date(outcome.startedAt),
      finishedAt: new Date(outcome.finishedAt),
    },
  ]);
}
