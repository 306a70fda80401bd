/**
 * The distributed executor, the run's side: each group of cells becomes a BullMQ job on the
 * queue of the run's compute backend, and whichever `hemlock worker` takes it (on this host or
 * another) sends the cells' outcomes back on a Redis list that this run reads, so the run
 * records each cell in its store as it finishes, exactly as with the local pool.
 *
 * Failures: a worker process that dies mid-group has its group taken back by BullMQ (its lock
 * lapses) and run again by another worker; cells already reported are not recorded twice. A
 * group BullMQ gives up on, or that a worker cannot start (artifact directory unreachable), has
 * its unreported cells recorded as failed with the reason. Groups still waiting in the queue when
 * the run is told to stop are taken off it, so their cells stay planned for the next run.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { deserialize } from "node:v8";
import type { BackendName } from "@hemlock/core";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { CellOutcome, GroupJob } from "../../worker/run-poison-group.js";
import {
  DEFAULT_PREFIX,
  liveWorkers,
  type OutcomeMessage,
  outcomesKey,
  queueName,
  runnerAliveKey,
  type WorkerAnnouncement,
  workersKey,
} from "./queue-keys.js";
import { connectRedis } from "./redis-connection.js";

/** A job's data: the group (without its dataset; the worker loads it) and where to report. */
export interface QueuedGroup {
  runId: string;
  outcomesKey: string;
  group: Omit<GroupJob, "splits">;
}

export interface DistributedExecutorOptions {
  redisUrl: string;
  backend: BackendName;
  prefix?: string;
  /** How often groups in the queue are checked for having failed there (a dead worker). */
  pollMs?: number;
}

export interface DistributedExecutor {
  queue: string;
  /** The workers serving this backend's queue when the executor started. */
  workers: WorkerAnnouncement[];
  /** `onHandedOut` is called once the group is on the queue. */
  execute(
    job: GroupJob,
    onCell: (outcome: CellOutcome) => void,
    signal?: AbortSignal,
    onHandedOut?: () => void,
  ): Promise<void>;
  destroy(): Promise<void>;
}

interface Pending {
  cells: GroupJob["cells"];
  reported: Set<string>;
  onCell(outcome: CellOutcome): void;
  startedAt: number;
  finish(error?: { message: string; stack?: string }): void;
  /** Set when the poller found the job gone from the queue without a word from its worker. */
  missingSince?: number;
}

const ALIVE_TTL_MS = 60_000;

export async function createDistributedExecutor(options: DistributedExecutorOptions): Promise<DistributedExecutor> {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const redis = await connectRedis(options.redisUrl);
  // BLPOP holds its connection: the outcomes are read on a second one.
  const reader: Redis = redis.duplicate();
  // BullMQ job ids may not contain ":".
  const runId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const aliveKey = runnerAliveKey(prefix, runId);
  const listKey = outcomesKey(prefix, runId);
  const name = queueName(options.backend);
  const queue = new Queue<QueuedGroup>(name, { connection: redis, prefix });
  const workers = liveWorkers(await redis.hgetall(workersKey(prefix)), options.backend);
  const keepAlive = () => redis.set(aliveKey, "1", "PX", ALIVE_TTL_MS).catch(() => {});
  await keepAlive();
  const alive = setInterval(keepAlive, ALIVE_TTL_MS / 4);

  const pending = new Map<string, Pending>();
  let closed = false;
  let sequence = 0;

  const dispatch = (message: OutcomeMessage) => {
    const entry = pending.get(message.jobId);
    if (entry === undefined) return; // a group already settled (a second worker's late copy)
    if ("outcome" in message) {
      if (entry.reported.has(message.outcome.identity)) return;
      entry.reported.add(message.outcome.identity);
      entry.onCell(message.outcome);
    } else entry.finish(message.error === undefined ? undefined : { message: message.error, stack: message.stack });
  };
  const reading = (async () => {
    while (!closed) {
      const popped = await reader.blpopBuffer(listKey, 1).catch(() => null);
      if (popped) dispatch(deserialize(popped[1]) as OutcomeMessage);
    }
  })();

  // A group can end in the queue without a message from a worker: BullMQ failed it (its worker
  // died twice), or it vanished. Such groups are settled here.
  const poll = setInterval(async () => {
    for (const [jobId, entry] of pending) {
      const state = await queue.getJobState(jobId).catch(() => "unknown");
      if (state === "failed") {
        const job = await queue.getJob(jobId).catch(() => undefined);
        entry.finish({ message: `the queue gave up on this group: ${job?.failedReason ?? "no reason given"}` });
      } else if (state === "unknown" || state === "completed") {
        // Its worker's last message may still be on the list: settle it only if it stays missing.
        if (entry.missingSince === undefined) entry.missingSince = Date.now();
        else if (Date.now() - entry.missingSince > 2 * (options.pollMs ?? 5000))
          entry.finish({ message: "the group left the queue without its worker reporting it" });
      }
    }
  }, options.pollMs ?? 5000);

  // Told to stop: a group no worker has taken yet leaves the queue, and its cells go back to
  // planned when the run ends. A group a worker is running finishes.
  const watched = new WeakSet<AbortSignal>();
  const withdraw = async (jobId: string) => {
    const job = await queue.getJob(jobId).catch(() => undefined);
    if (!job || (await job.getState()) !== "waiting") return;
    const removed = await job.remove().then(
      () => true,
      () => false,
    );
    if (removed) pending.get(jobId)?.finish();
  };

  return {
    queue: name,
    workers,
    async execute(group, onCell, signal, onHandedOut) {
      const jobId = `${runId}-${sequence++}`;
      const { splits: _splits, ...rest } = group;
      const settled = new Promise<void>((resolve) =>
        pending.set(jobId, pendingGroup(pending, jobId, group, onCell, resolve)),
      );
      try {
        await queue.add(
          "group",
          { runId, outcomesKey: listKey, group: rest },
          { jobId, attempts: 1, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } },
        );
      } catch (error) {
        pending.delete(jobId);
        throw error;
      }
      // On the queue is as far as this side can see: "queued or running".
      onHandedOut?.();
      if (signal?.aborted) await withdraw(jobId);
      else if (signal && !watched.has(signal)) {
        // One listener per signal, however many groups are queued under it.
        watched.add(signal);
        signal.addEventListener("abort", () => void Promise.all([...pending.keys()].map(withdraw)), { once: true });
      }
      await settled;
    },
    async destroy() {
      closed = true;
      clearInterval(alive);
      clearInterval(poll);
      await reading;
      await redis.del(aliveKey, listKey).catch(() => {});
      await queue.close();
      reader.disconnect();
      redis.disconnect();
    },
  };
}

/** A queued group awaiting its outcomes; `finish` settles it, failing what was not reported. */
function pendingGroup(
  pending: Map<string, Pending>,
  jobId: string,
  group: GroupJob,
  onCell: (outcome: CellOutcome) => void,
  resolve: () => void,
): Pending {
  const startedAt = Date.now();
  const entry: Pending = {
    cells: group.cells,
    reported: new Set(),
    onCell,
    startedAt,
    finish(error) {
      if (!pending.delete(jobId)) return;
      for (const cell of error ? entry.cells : [])
        if (!entry.reported.has(cell.identity))
          onCell({
            identity: cell.identity,
            status: "failed",
            error: error?.message ?? "",
            ...(error?.stack ? { stack: error.stack } : {}),
            startedAt,
            finishedAt: Date.now(),
            provenance: { executor: "bullmq", worker: "none" },
            trainings: 0,
            artifacts: [],
          });
      resolve();
    },
  };
  return entry;
}
