/**
 * The worker side of the distributed executor (`hemlock worker`): a BullMQ worker on the queue of
 * its compute backend that runs each group it takes on a local Piscina pool, exactly as a local
 * run would, and sends every cell's outcome back to the run that queued it as soon as it is
 * known. Any number of these, on any number of hosts, serve one or more runs; each announces
 * itself (host, pid, backend, threads) so a run can say who is serving it.
 *
 * What a worker needs from its host: the datasets (its own data directory, which must hold the
 * same files: their checksums are part of every cell's identity) and the store's artifact
 * directory at the path the run gives, or mapped with `artifactDir` (a shared filesystem).
 */
import { access, constants } from "node:fs/promises";
import { hostname } from "node:os";
import { serialize } from "node:v8";
import { type BackendName, errorText, HemlockError, loadDataset } from "@hemlock/core";
import { type Job, Worker } from "bullmq";
import type { CellOutcome } from "../../worker/run-poison-group.js";
import { createWorkerPool } from "../local/worker-pool.js";
import type { QueuedGroup } from "./distributed-executor.js";
import {
  ANNOUNCE_EVERY_MS,
  DEFAULT_PREFIX,
  type OutcomeMessage,
  queueName,
  runnerAliveKey,
  type WorkerAnnouncement,
  workersKey,
} from "./queue-keys.js";
import { connectRedis } from "./redis-connection.js";
import { assertSameDataset } from "./same-dataset.js";

/** How long a run's outcomes list is kept after the last message (a run reads it at once). */
const OUTCOMES_TTL_S = 24 * 3600;

export interface DistributedWorkerOptions {
  redisUrl: string;
  backend: BackendName;
  /** Worker threads, and so groups at once (default: the core count). */
  threads: number;
  dataDir: string;
  /** Where this host sees the store's artifact directory, when not at the path the run gives. */
  artifactDir?: string;
  prefix?: string;
  /** BullMQ's lock on a taken group: a worker silent for this long has its group taken back. */
  lockDurationMs?: number;
  /** How often this worker looks for groups whose worker died (BullMQ's stalled check). */
  stalledIntervalMs?: number;
  /** Another pool worker module (benchmarks time the queue with a no-op one). */
  workerFile?: string;
  onEvent?(event: WorkerEvent): void;
}

export type WorkerEvent =
  | { type: "group"; jobId: string; run: string; cells: number }
  | { type: "group-done"; jobId: string; finished: number; failed: number; error?: string }
  | { type: "skipped"; jobId: string; reason: string };

export interface DistributedWorker {
  /** host:pid, as the announcements and each cell's provenance name it. */
  id: string;
  queue: string;
  /** Stops taking groups, lets the running ones finish, and leaves. */
  close(): Promise<void>;
}

export async function startDistributedWorker(options: DistributedWorkerOptions): Promise<DistributedWorker> {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const redis = await connectRedis(options.redisUrl);
  const id = `${hostname()}:${process.pid}`;
  const queue = queueName(options.backend);
  const pool = createWorkerPool({
    threads: options.threads,
    backend: options.backend,
    ...(options.workerFile ? { workerFile: options.workerFile } : {}),
  });
  const announcement: Omit<WorkerAnnouncement, "seenAt"> = {
    host: hostname(),
    pid: process.pid,
    backend: options.backend,
    threads: options.threads,
    startedAt: new Date().toISOString(),
  };
  const announce = () =>
    redis.hset(workersKey(prefix), id, JSON.stringify({ ...announcement, seenAt: Date.now() })).catch(() => {});
  await announce();
  const announcing = setInterval(announce, ANNOUNCE_EVERY_MS);

  const send = (key: string, message: OutcomeMessage) =>
    redis.multi().rpush(key, serialize(message)).expire(key, OUTCOMES_TTL_S).exec();

  const processGroup = async (job: Job<QueuedGroup>) => {
    const { group, runId, outcomesKey } = job.data;
    const jobId = job.id as string;
    if ((await redis.exists(runnerAliveKey(prefix, runId))) === 0) {
      // The run stopped (killed, or interrupted twice) after queueing this group: nobody would
      // record its cells, and its next run queues them again.
      options.onEvent?.({ type: "skipped", jobId, reason: `run ${runId} is gone` });
      return;
    }
    options.onEvent?.({ type: "group", jobId, run: runId, cells: group.cells.length });
    const sent: Promise<unknown>[] = [];
    let finished = 0;
    let failed = 0;
    let failure: Error | undefined;
    try {
      const artifactDir = options.artifactDir ?? group.artifactDir;
      await reachable(artifactDir, id);
      const first = group.cells[0];
      const splits = first
        ? await loadDataset(first.config.dataset, { dataDir: options.dataDir, shared: true, seed: first.config.seed })
        : undefined;
      if (splits) assertSameDataset(group, splits, id);
      await pool.execute({ ...group, artifactDir, ...(splits ? { splits } : {}) }, (outcome: CellOutcome) => {
        if (outcome.status === "finished") finished++;
        else failed++;
        const provenance = { ...outcome.provenance, executor: "bullmq", workerProcess: id };
        sent.push(send(outcomesKey, { jobId, outcome: { ...outcome, provenance } }));
      });
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    } finally {
      await Promise.allSettled(sent);
      await send(outcomesKey, {
        jobId,
        done: true,
        ...(failure ? { error: `worker ${id}: ${errorText(failure)}` } : {}),
        ...(failure?.stack ? { stack: failure.stack } : {}),
      });
      options.onEvent?.({
        type: "group-done",
        jobId,
        finished,
        failed,
        ...(failure ? { error: errorText(failure) } : {}),
      });
    }
  };

  const worker = new Worker<QueuedGroup>(queue, processGroup, {
    connection: redis,
    prefix,
    concurrency: options.threads,
    name: id,
    ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
    ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
  });
  worker.on("error", () => {}); // connection errors are retried; a lost group is the run's to report
  await worker.waitUntilReady();
  return {
    id,
    queue,
    async close() {
      clearInterval(announcing);
      await worker.close();
      await pool.destroy();
      await redis.hdel(workersKey(prefix), id).catch(() => {});
      redis.disconnect();
    },
  };
}

async function reachable(artifactDir: string, id: string): Promise<void> {
  try {
    await access(artifactDir, constants.W_OK);
  } catch {
    throw new HemlockError(
      "ARTIFACT_FILE",
      `the store's artifact directory ${artifactDir} is not writable from worker ${id}`,
      "Mount the store's directory on this host at the same path, or start the worker with --artifact-dir pointing at it.",
    );
  }
}
