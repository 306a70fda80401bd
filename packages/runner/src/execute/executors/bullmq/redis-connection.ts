/**
 * Connections to the Redis that carries the distributed executor's queue. A run, a worker and
 * `hemlock doctor` probe first with a short timeout, so an unreachable Redis is one clear error
 * naming the URL instead of a client that retries in silence.
 */
import { HemlockError } from "@hemlock/core";
import { Redis } from "ioredis";
import { liveWorkers, type WorkerAnnouncement, workersKey } from "./queue-keys.js";

/** A connected client that gives up at the first refusal: for a probe, never for BullMQ. */
async function openProbe(url: string, timeoutMs: number): Promise<Redis> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HemlockError(
      "INVALID_ARGUMENT",
      `--redis-url: expected a URL such as redis://127.0.0.1:6379, got ${url}`,
    );
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:")
    throw new HemlockError("INVALID_ARGUMENT", `--redis-url: expected a redis:// or rediss:// URL, got ${url}`);
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The first error event carries the reason (ECONNREFUSED); the rejection only says "closed".
  let reason: string | undefined;
  probe.on("error", (error: Error) => {
    reason ??= error.message;
  });
  try {
    await probe.connect();
    return probe;
  } catch (error) {
    probe.disconnect();
    throw new HemlockError(
      "QUEUE",
      `cannot reach Redis at ${url}: ${reason ?? (error instanceof Error ? error.message : String(error))}`,
      "Start Redis, or point --redis-url (HEMLOCK_REDIS_URL) at one; `hemlock doctor` checks it.",
    );
  }
}

/**
 * Whether Redis answers, in how many ms, and the workers announced there (every backend): what
 * `hemlock doctor` reports. Throws the same error as `connectRedis` when Redis cannot be reached.
 */
export async function inspectRedis(
  url: string,
  prefix: string,
  { timeoutMs = 3000 }: { timeoutMs?: number } = {},
): Promise<{ latencyMs: number; workers: WorkerAnnouncement[] }> {
  const started = performance.now();
  const probe = await openProbe(url, timeoutMs);
  try {
    await probe.ping();
    const latencyMs = performance.now() - started;
    return { latencyMs, workers: liveWorkers(await probe.hgetall(workersKey(prefix))) };
  } finally {
    probe.disconnect();
  }
}

/**
 * A connection for BullMQ and Hemlock's own keys, after a probe, so an unreachable Redis fails
 * at once instead of being retried in silence; this connection then retries, as BullMQ needs.
 */
export async function connectRedis(url: string, { timeoutMs = 3000 }: { timeoutMs?: number } = {}): Promise<Redis> {
  (await openProbe(url, timeoutMs)).disconnect();
  const redis = new Redis(url, {
    connectTimeout: timeoutMs,
    // BullMQ's blocking commands must not fail after a retry count.
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  redis.on("error", () => {}); // retried; a lost group is reported by the run
  return redis;
}
