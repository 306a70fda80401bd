/**
 * Connections to the Redis that carries the distributed executor's queue. A run, a worker and
 * `hemlock doctor` probe first with a short timeout, so an unreachable Redis is one clear error
 * naming the URL instead of a client that retries in silence.
 */
import { HemlockError } from "@hemlock/core";
import { Redis } from "ioredis";
import { ANNOUNCEMENT_TTL_MS, type WorkerAnnouncement, workersKey } from "./queue-keys.js";

/** Pings Redis once with a client that gives up at the first refusal; the reply's latency in ms. */
export async function probeRedis(url: string, { timeoutMs = 3000 }: { timeoutMs?: number } = {}): Promise<number> {
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
  const started = performance.now();
  try {
    await probe.connect();
    await probe.ping();
    return performance.now() - started;
  } catch (error) {
    throw new HemlockError(
      "QUEUE",
      `cannot reach Redis at ${url}: ${reason ?? (error instanceof Error ? error.message : String(error))}`,
      "Start Redis, or point --redis-url (HEMLOCK_REDIS_URL) at one; `hemlock doctor` checks it.",
    );
  } finally {
    probe.disconnect();
  }
}

/**
 * A connection for BullMQ and Hemlock's own keys, after a probe, so an unreachable Redis fails
 * at once instead of being retried in silence; this connection then retries, as BullMQ needs.
 */
export async function connectRedis(url: string, options: { timeoutMs?: number } = {}): Promise<Redis> {
  await probeRedis(url, options);
  const redis = new Redis(url, {
    connectTimeout: options.timeoutMs ?? 3000,
    // BullMQ's blocking commands must not fail after a retry count.
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  redis.on("error", () => {}); // retried; a lost group is reported by the run
  return redis;
}

/** The workers announced on a Redis (every backend), for `hemlock doctor`. */
export async function announcedWorkers(url: string, prefix: string): Promise<WorkerAnnouncement[]> {
  const redis = await connectRedis(url);
  try {
    const now = Date.now();
    return Object.values(await redis.hgetall(workersKey(prefix)))
      .map((text) => JSON.parse(text) as WorkerAnnouncement)
      .filter((w) => now - w.seenAt < ANNOUNCEMENT_TTL_MS);
  } finally {
    redis.disconnect();
  }
}
