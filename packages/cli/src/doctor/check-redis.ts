/**
 * Checks whether Redis answers, and which `hemlock worker`s are announced there; only the
 * distributed (BullMQ) executor needs it.
 */
import { inspectRedis, QUEUE_PREFIX, type WorkerAnnouncement } from "@hemlock/runner";
import type { CheckSection } from "./check-result.js";

export async function checkRedis(url: string, prefix = QUEUE_PREFIX, timeoutMs = 1500): Promise<CheckSection> {
  let found: { latencyMs: number; workers: WorkerAnnouncement[] };
  try {
    found = await inspectRedis(url, prefix, { timeoutMs });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      title: "redis",
      status: "warn",
      summary: `${url} unreachable: ${reason.replace(`cannot reach Redis at ${url}: `, "")}`,
      items: [
        {
          label: "redis",
          status: "warn",
          detail: "needed only for the distributed executor; local runs do not use it",
          fix: "Start Redis or set HEMLOCK_REDIS_URL to use the distributed executor.",
        },
      ],
    };
  }
  const { latencyMs, workers } = found;
  return {
    title: "redis",
    status: "ok",
    summary: `${url} reachable (PONG in ${latencyMs.toFixed(0)} ms); ${workers.length} worker${workers.length === 1 ? "" : "s"} serving the distributed executor`,
    items: workers.map((w) => ({
      label: `${w.host}:${w.pid}`,
      status: "ok" as const,
      detail: `backend ${w.backend}, ${w.threads} threads, since ${w.startedAt}`,
    })),
  };
}
