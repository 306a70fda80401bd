/**
 * Schedules a planned experiment on the main thread: registers the experiment and its cells,
 * skips the cells already finished (unless told to rerun them), claims the rest atomically, hands
 * them to the executor grouped by poisoned dataset, and records each result as it arrives (in
 * record/), so an interrupted run loses nothing finished and a rerun completes exactly what is
 * missing.
 */
import { hostname } from "node:os";
import { loadDataset } from "@hemlock/core";
import { cellStatuses, claimCells, heartbeat, logEvent, releaseCells, resetCells, type Store } from "@hemlock/store";
import type { ExperimentPlan } from "../../artifacts/plan-experiment.js";
import { recordOutcome } from "../../record/record-outcome.js";
import { registerPlan } from "../../record/register-plan.js";
import { releaseDeadRunners } from "../../record/release-dead-runners.js";
import type { CellOutcome, GroupCell, GroupJob } from "../worker/run-poison-group.js";
import { groupNodes } from "./group-nodes.js";

/** A running cell whose runner has not reported for this long is taken to be dead. */
export const STALE_AFTER_MS = 10 * 60_000;

export type RunEvent =
  | { type: "start"; total: number; done: number; toRun: number; groups: number }
  | { type: "cell"; outcome: CellOutcome; config: GroupCell["config"]; finished: number; failed: number; toRun: number }
  | { type: "skipped"; identity: string; reason: string }
  /** A group of cells a worker has started (or, for a queue, that is on the queue). */
  | { type: "group"; cells: number };

export interface RunOptions {
  store: Store;
  /** Rerun failed cells, or every cell; `force` is `all`. */
  rerun?: "failed" | "all";
  dataDir?: string;
  /**
   * Executes one group of cells sharing a poisoned dataset (in a worker, in this thread, or on a
   * distributed worker). `stop` is aborted when the run stops taking new work: an executor that
   * holds groups back (a queue, or the local pool's next group behind each running one) may then
   * drop those not yet started, reporting none of their cells. `onStarted` is called once, when a
   * worker starts the group (a queue calls it when the group is queued): the progress display
   * counts its cells as running from then.
   */
  execute(
    job: GroupJob,
    onCell: (outcome: CellOutcome) => void,
    stop: AbortSignal,
    onStarted: () => void,
  ): Promise<void>;
  onEvent?(event: RunEvent): void;
  /** Set when the run should stop taking new work (first SIGINT). */
  signal?: AbortSignal;
  /** Run cells that fail up to this many more times (each retry after the others have run). */
  retries?: number;
  /** Stop taking new work at the first failed cell. */
  failFast?: boolean;
  /**
   * Groups handed to the executor at once: the pool's threads plus one waiting group per thread
   * (so a worker starts its next group while this thread records the last one); 1 in this thread;
   * every group for a queue.
   */
  concurrency: number;
  /** Load datasets into SharedArrayBuffers for worker threads. */
  sharedData?: boolean;
  /** Load each group's dataset here and pass it along (default); false: the executor loads it. */
  loadData?: boolean;
}

export interface RunSummary {
  experimentId: number;
  total: number;
  alreadyDone: number;
  /** Cells that failed in an earlier run and were not rerun (see --rerun failed). */
  failedEarlier: number;
  finished: number;
  failed: number;
  notRun: number;
  trainings: number;
  /** Poisoned datasets crafted and saved (those an earlier run saved are read back instead). */
  poisonedDatasetsMade: number;
  /** Cell runs repeated after a failure (--retries). */
  retried: number;
  /** Cells another run was working on (it records them). */
  claimedElsewhere: number;
}

export async function runExperiment(plan: ExperimentPlan, options: RunOptions): Promise<RunSummary> {
  const { store } = options;
  const runner = `${hostname()}:${process.pid}`;
  const experimentId = registerPlan(store, plan);
  const identities = plan.cells.map((c) => c.identity);
  if (options.rerun) resetCells(store, identities, options.rerun === "all" ? ["finished", "failed"] : ["failed"]);
  releaseDeadRunners(store);
  const before = cellStatuses(store, identities);
  // Failed cells stay failed unless --rerun asks for them (which made them planned above).
  const pending = plan.cells.filter(
    (c) => before.get(c.identity) !== "finished" && before.get(c.identity) !== "failed",
  );
  const alreadyDone = plan.cells.filter((c) => before.get(c.identity) === "finished").length;
  const failedEarlier = plan.cells.filter((c) => before.get(c.identity) === "failed").length;
  const nodes = Object.fromEntries(
    plan.artifacts.map((a) => [a.key, { kind: a.kind, inputs: a.inputs, spec: a.spec }]),
  );
  options.onEvent?.({
    type: "start",
    total: plan.cells.length,
    done: alreadyDone,
    toRun: pending.length,
    groups: groupByPoison(pending).length,
  });
  logEvent(store, { experimentId, kind: "run-started", payload: { runner, toRun: pending.length, alreadyDone } });

  const summary: RunSummary = {
    experimentId,
    total: plan.cells.length,
    alreadyDone,
    failedEarlier,
    finished: 0,
    failed: 0,
    notRun: 0,
    trainings: 0,
    poisonedDatasetsMade: 0,
    retried: 0,
    claimedElsewhere: 0,
  };
  // Aborted at the first SIGINT or, with failFast, the first failure: no new work after it.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  options.signal?.addEventListener("abort", onSignal, { once: true });
  if (options.signal?.aborted) stop.abort();
  const stopped = () => stop.signal.aborted;
  const staleBefore = () => new Date(Date.now() - STALE_AFTER_MS);
  const beat = setInterval(() => heartbeat(store, runner), 15_000);
  try {
    const failedNow: GroupCell[] = [];
    const runGroup = async (cells: GroupCell[], index: number) => {
      const ids = new Set(
        claimCells(
          store,
          cells.map((c) => c.identity),
          runner,
          { staleBefore: staleBefore(), retryFailed: true },
        ),
      );
      const claimed = cells.filter((c) => ids.has(c.identity));
      summary.claimedElsewhere += cells.length - claimed.length;
      for (const c of cells)
        if (!ids.has(c.identity))
          options.onEvent?.({ type: "skipped", identity: c.identity, reason: "claimed by another run" });
      if (claimed.length === 0) return;
      const first = claimed[0] as GroupCell;
      const splits =
        options.loadData === false
          ? undefined
          : await loadDataset(first.config.dataset, {
              ...(options.dataDir ? { dataDir: options.dataDir } : {}),
              shared: options.sharedData ?? false,
              seed: first.config.seed,
            });
      const job: GroupJob = {
        cells: claimed,
        nodes: groupNodes(claimed, nodes),
        artifactDir: store.artifactDir,
        ...(splits ? { splits } : {}),
        workerId: index,
      };
      await options.execute(
        job,
        (outcome) => {
          recordOutcome(store, outcome, plan.code, runner);
          summary.trainings += outcome.trainings;
          summary.poisonedDatasetsMade += outcome.artifacts.filter((a) => a.kind === "poisoned-data").length;
          const cell = claimed.find((c) => c.identity === outcome.identity) as GroupCell;
          if (outcome.status === "finished") summary.finished++;
          else {
            summary.failed++;
            failedNow.push(cell);
            if (options.failFast) stop.abort();
          }
          options.onEvent?.({
            type: "cell",
            outcome,
            config: cell.config,
            finished: summary.finished,
            failed: summary.failed,
            toRun: pending.length,
          });
        },
        stop.signal,
        () => options.onEvent?.({ type: "group", cells: claimed.length }),
      );
    };
    // Longest groups first: they bound the run's length. At most `concurrency` at a time.
    const runAll = async (cells: GroupCell[]) => {
      const queue = groupByPoison(cells);
      let next = 0;
      const lane = async () => {
        while (next < queue.length) {
          const index = next++;
          const group = queue[index] as GroupCell[];
          if (stopped()) summary.notRun += group.length;
          else await runGroup(group, index);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, lane));
    };
    await runAll(pending);
    for (let retry = 0; retry < (options.retries ?? 0) && failedNow.length > 0 && !stopped(); retry++) {
      const again = failedNow.splice(0);
      summary.failed -= again.length;
      summary.retried += again.length;
      await runAll(again);
    }
  } finally {
    clearInterval(beat);
    options.signal?.removeEventListener("abort", onSignal);
    // Whatever was claimed but not finished (an interrupt) goes back to planned.
    summary.notRun += releaseCells(store, runner);
    logEvent(store, { experimentId, kind: "run-ended", payload: { runner, ...summary } });
  }
  return summary;
}

/** Cells grouped by their poisoned dataset (a worker's unit of work), largest groups first. */
function groupByPoison(cells: GroupCell[]): GroupCell[][] {
  const groups = new Map<string, GroupCell[]>();
  for (const cell of cells) {
    const key = cell.chain[0] as string;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length);
}
