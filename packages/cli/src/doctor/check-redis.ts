/** Checks whether Redis answers; only the distributed (BullMQ) executor needs it. */
import { Redis } from "ioredis";
import type { CheckSection } from "./check-result.js";

export async function checkRedis(url: string, timeoutMs = 1500): Promise<CheckSection> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on("error", () => {}); // reported below; without a listener ioredis logs to stderr
  const started = performance.now();
  try {
    await redis.connect();
    const reply = await redis.ping();
    const ms = (performance.now() - started).toFixed(0);
    return { title: "redis", status: "ok", summary: `${url} reachable (${reply} in ${ms} ms)`, items: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      title: "redis",
      status: "warn",
      summary: `${url} unreachable: ${reason}`,
      items: [
        {
          label: "redis",
          status: "warn",
          detail: "needed only for the distributed executor; local runs do not use it",
          fix: "Start Redis or set HEMLOCK_REDIS_URL to use the distributed executor.",
        },
      ],
    };
  } finally {
    redis.disconnect();
  }
}
