/**
 * The distributed executor against the machine's Redis: a grid run through BullMQ and a worker
 * gives the same metrics as the local pool, with the worker named in each cell's provenance; a
 * worker that cannot reach the artifact directory fails the cells with the reason; groups no
 * worker took are withdrawn when the run stops, leaving their cells planned.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { selectBackend } from "@hemlock/core";
import { openStore } from "@hemlock/store";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planExperiment } from "../src/artifacts/plan-experiment.js";
import { createDistributedExecutor } from "../src/execute/executors/bullmq/distributed-executor.js";
import { startDistributedWorker } from "../src/execute/executors/bullmq/distributed-worker.js";
import { createWorkerPool } from "../src/execute/executors/local/worker-pool.js";
import { runExperiment } from "../src/execute/scheduler/run-experiment.js";

const REDIS_URL = process.env.HEMLOCK_REDIS_URL ?? "redis://127.0.0.1:6379";
const GRID = `name: dist
dataset: digits
model: {name: mlp, hidden: [8]}
train: {epochs: 2, batchSize: 64, optimizer: {name: sgd, lr: 0.05, momentum: 0.9}}
seeds: 2
holdout: {size: 60}
grid:
  attack: [label-flip, {name: badnets, trigger: {kind: patch, size: 2}}]
  rate: [0.1]
  defense: [none, perfect-filter]
`;

const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
const prefixes: string[] = [];

beforeAll(async () => {
  // Redis runs on every machine of this project and in CI; without it these tests cannot say anything.
  await redis.connect();
});

afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
});

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), "hemlock-distributed-"));
  const file = join(dir, "grid.yaml");
  await writeFile(file, GRID);
  const backend = (await selectBackend("auto")).name;
  const prefix = `hemlock-test-${randomUUID().slice(0, 8)}`;
  prefixes.push(prefix);
  return { dir, file, backend, prefix, plan: await planExperiment(file, { backend }) };
}

const metricRows = (path: string) => {
  return openStore(path).then((store) => {
    const rows = store.sqlite
      .prepare(
        "SELECT c.identity, m.name, m.value FROM metrics m JOIN cells c ON c.identity = m.identity ORDER BY 1, 2",
      )
      .all();
    store.close();
    return rows;
  });
};

describe("the distributed executor", () => {
  it("runs a grid through the queue with the same metrics as the local pool, naming the worker", async () => {
    const { dir, backend, prefix, plan } = await setup();
    const worker = await startDistributedWorker({ redisUrl: REDIS_URL, backend, threads: 1, dataDir: dir, prefix });
    const executor = await createDistributedExecutor({ redisUrl: REDIS_URL, backend, prefix });
    expect(executor.workers.map((w) => `${w.host}:${w.pid}`)).toEqual([worker.id]);
    const store = await openStore(join(dir, "distributed.db"));
    const summary = await runExperiment(plan, {
      store,
      execute: (job, onCell, stop, onStarted) => executor.execute(job, onCell, stop, onStarted),
      concurrency: 100,
      loadData: false,
    });
    const provenance = store.sqlite.prepare("SELECT provenance FROM cells").all() as { provenance: string }[];
    store.close();
    await executor.destroy();
    await worker.close();
    expect(summary).toMatchObject({
      total: 8,
      finished: 8,
      failed: 0,
      notRun: 0,
      trainings: 8,
      poisonedDatasetsMade: 4,
    });
    for (const row of provenance)
      expect(JSON.parse(row.provenance)).toMatchObject({
        executor: "bullmq",
        workerProcess: worker.id,
        backend: { name: backend },
      });

    const pool = createWorkerPool({ threads: 1, backend });
    const local = await openStore(join(dir, "local.db"));
    await runExperiment(plan, {
      store: local,
      execute: (job, onCell, stop, onStarted) => pool.execute(job, onCell, { stop, onStarted }),
      concurrency: 1,
      sharedData: true,
    });
    local.close();
    await pool.destroy();
    const distributed = await metricRows(join(dir, "distributed.db"));
    expect(distributed.length).toBeGreaterThan(8 * 3);
    expect(distributed).toEqual(await metricRows(join(dir, "local.db")));
    // The run cleans up after itself: no outcomes list, no liveness key, no job left in the queue.
    expect(await redis.keys(`${prefix}:run:*`)).toEqual([]);
    expect(await redis.llen(`${prefix}:cells-${backend}:wait`)).toBe(0);
  });

  it("fails a group's cells with the reason when its worker cannot reach the artifact directory", async () => {
    const { dir, backend, prefix, plan } = await setup();
    const worker = await startDistributedWorker({
      redisUrl: REDIS_URL,
      backend,
      threads: 1,
      dataDir: dir,
      prefix,
      artifactDir: join(dir, "not-mounted"),
    });
    const executor = await createDistributedExecutor({ redisUrl: REDIS_URL, backend, prefix });
    const store = await openStore(join(dir, "h.db"));
    const summary = await runExperiment(plan, {
      store,
      execute: (job, onCell, stop, onStarted) => executor.execute(job, onCell, stop, onStarted),
      concurrency: 100,
      loadData: false,
    });
    const errors = store.sqlite.prepare("SELECT DISTINCT status, error FROM cells").all();
    store.close();
    await executor.destroy();
    await worker.close();
    expect(summary).toMatchObject({ finished: 0, failed: 8 });
    expect(errors).toEqual([
      {
        status: "failed",
        error: `worker ${worker.id}: the store's artifact directory ${join(dir, "not-mounted")} is not writable from worker ${worker.id}. Mount the store's directory on this host at the same path, or start the worker with --artifact-dir pointing at it.`,
      },
    ]);
  });

  it("takes the groups no worker has started off the queue when the run stops, leaving their cells planned", async () => {
    const { dir, backend, prefix, plan } = await setup();
    const executor = await createDistributedExecutor({ redisUrl: REDIS_URL, backend, prefix });
    expect(executor.workers).toEqual([]);
    const store = await openStore(join(dir, "h.db"));
    const controller = new AbortController();
    let groups = 0;
    const summary = await runExperiment(plan, {
      store,
      execute: (job, onCell, stop, onStarted) => executor.execute(job, onCell, stop, onStarted),
      concurrency: 100,
      loadData: false,
      signal: controller.signal,
      onEvent: (event) => {
        // Every group is queued (no worker takes any); then the run is interrupted.
        if (event.type === "group" && ++groups === 4) setTimeout(() => controller.abort(), 200);
      },
    });
    const statuses = store.sqlite.prepare("SELECT status, count(*) AS n FROM cells GROUP BY status").all();
    store.close();
    await executor.destroy();
    expect(summary).toMatchObject({ finished: 0, failed: 0, notRun: 8 });
    expect(statuses).toEqual([{ status: "planned", n: 8 }]);
    expect(await redis.llen(`${prefix}:cells-${backend}:wait`)).toBe(0);
  });
});
