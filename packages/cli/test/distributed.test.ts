/**
 * The distributed executor end to end: `hemlock run --executor bullmq` against the machine's
 * Redis, served by `hemlock worker` processes. A worker killed with -9 in the middle of a group
 * loses nothing: the queue hands the group to a second worker, and every cell is recorded once.
 * An unreachable Redis is one clear error.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { queryStore as query } from "./query-store.js";
import { runCli } from "./run-cli.js";

const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const REDIS_URL = process.env.HEMLOCK_REDIS_URL ?? "redis://127.0.0.1:6379";
// Long enough training that a worker can be killed while a group runs.
const GRID = `name: queued
dataset: digits
model: {name: mlp, hidden: [16]}
train: {epochs: 40, batchSize: 64, optimizer: {name: sgd, lr: 0.05, momentum: 0.9}}
seeds: 3
holdout: {size: 60}
grid:
  attack: [label-flip, {name: badnets, trigger: {kind: patch, size: 2}}]
  rate: [0.1]
  defense: [none, perfect-filter]
`;

const prefix = `hemlock-cli-test-${randomUUID().slice(0, 8)}`;
const children: ChildProcessWithoutNullStreams[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

/** Starts `hemlock ARGS` with JSON output; `events` collects what it prints, line by line. */
function start(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args, "--json", "--queue-prefix", prefix, "--redis-url", REDIS_URL], {
    env: { ...process.env, NO_COLOR: "1" },
  });
  children.push(child);
  const events: Record<string, unknown>[] = [];
  const waiters: { test: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }[] =
    [];
  let buffered = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      const event = JSON.parse(line) as Record<string, unknown>;
      events.push(event);
      for (const w of waiters.splice(0)) (w.test(event) ? w.resolve : () => waiters.push(w))(event);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const next = (test: (e: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const seen = events.find(test);
      if (seen) resolve(seen);
      else waiters.push({ test, resolve });
    });
  return { child, events, next, exited, stderr: () => stderr };
}

describe("hemlock run --executor bullmq", () => {
  it("a worker killed with -9 mid-group loses nothing: another worker reruns its group, each cell is recorded once", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hemlock-queued-"));
    const file = join(dir, "queued.yaml");
    const db = join(dir, "hemlock.db");
    await writeFile(file, GRID);
    const first = start(["worker", "--workers", "1", "--lock-duration", "1500"]);
    const ready = await first.next((e) => e.type === "ready");
    // The doctor sees the worker announced on Redis.
    const doctor = await runCli(["doctor", "--json", "--queue-prefix", prefix, "--redis-url", REDIS_URL]);
    const redis = (
      JSON.parse(doctor.stdout) as { sections: { title: string; summary: string; items: unknown[] }[] }
    ).sections.find((s) => s.title === "redis");
    expect(redis?.summary).toMatch(/reachable \(PONG in \d+ ms\); 1 worker serving the distributed executor$/);
    expect(redis?.items).toEqual([
      { label: ready.id, status: "ok", detail: expect.stringMatching(/^backend \w+, 1 threads, since /) },
    ]);
    const run = start(["run", file, "--db", db, "--executor", "bullmq"]);
    const queued = await run.next((e) => e.type === "queue");
    expect(queued).toMatchObject({ queue: expect.stringMatching(/^cells-/), redisUrl: REDIS_URL });
    expect(queued.workers).toHaveLength(1);
    // Kill the first worker while it runs its first group.
    const taken = await first.next((e) => e.type === "group");
    await new Promise((r) => setTimeout(r, 300));
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    const second = start(["worker", "--workers", "1", "--lock-duration", "1500"]);
    const code = await run.exited;
    expect(run.stderr()).toBe("");
    expect(code).toBe(0);
    expect(run.events.at(-1)).toMatchObject({ type: "summary", total: 12, finished: 12, failed: 0, notRun: 0 });
    // The group the first worker died in was run again by the second.
    expect(second.events.some((e) => e.type === "group" && e.jobId === taken.jobId)).toBe(true);
    expect(query(db, "SELECT status, count(*) AS n FROM cells GROUP BY status")).toEqual([
      { status: "finished", n: 12 },
    ]);
    expect(
      query(db, "SELECT count(*) AS n, count(DISTINCT identity) AS d FROM metrics WHERE name = 'cleanAccuracy'"),
    ).toEqual([{ n: 12, d: 12 }]);
    const by = query(
      db,
      "SELECT json_extract(provenance, '$.workerProcess') AS w, json_extract(provenance, '$.executor') AS e FROM cells",
    ) as {
      w: string;
      e: string;
    }[];
    expect(new Set(by.map((r) => r.e))).toEqual(new Set(["bullmq"]));
    const secondId = (await second.next((e) => e.type === "ready")).id;
    expect(by.filter((r) => r.w === secondId).length).toBeGreaterThan(0);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(second.events.at(-1)).toMatchObject({ type: "stopped" });
  });

  it("says which Redis it cannot reach, and how to fix it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hemlock-queued-"));
    const file = join(dir, "queued.yaml");
    await writeFile(file, GRID);
    const result = await runCli([
      "run",
      file,
      "--db",
      join(dir, "h.db"),
      "--executor",
      "bullmq",
      "--redis-url",
      "redis://127.0.0.1:1",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/);
    expect(result.stderr).toContain("Start Redis, or point --redis-url (HEMLOCK_REDIS_URL) at one");
    const worker = await runCli(["worker", "--redis-url", "redis://127.0.0.1:1"]);
    expect(worker.code).toBe(1);
    expect(worker.stderr).toMatch(/^error: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });
});
