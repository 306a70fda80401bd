/**
 * `hemlock run FILE`: plans the grid, then runs the cells not yet finished, recording each in the
 * store as it completes. Progress goes to the terminal as plain lines (or newline-delimited JSON
 * events with --json). The first Ctrl-C stops taking new work and lets running cells finish; the
 * second exits at once (every recorded cell is whole; unfinished ones are planned again).
 */
import { resolve } from "node:path";
import { HemlockError, parseBackendChoice, selectBackend } from "@hemlock/core";
import { createWorkerPool, defaultWorkerCount, planExperiment, runExperiment } from "@hemlock/runner";
import { leaderboard, openStore } from "@hemlock/store";
import { resolveDataDirOption } from "../data-dir-option.js";
import { leaderboardTables } from "../format/leaderboard-table.js";
import { progressReporter } from "../format/run-progress.js";

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const [file] = args as [string];
  const retries = wholeNumber(options.retries ?? "0", "--retries", 0);
  const workers = options.workers === undefined ? undefined : wholeNumber(options.workers, "--workers", 1);
  const json = Boolean(options.json);
  const backend = await selectBackend(parseBackendChoice(String(options.backend ?? "auto")));
  const dataDir = resolveDataDirOption(options.dataDir as string | undefined).dir;
  const plan = await planExperiment(file, { backend: backend.name, dataDir });
  const store = await openStore(resolve(String(options.db)));
  const threads = workers ?? defaultWorkerCount();
  const pool = createWorkerPool({ threads, backend: backend.name });
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts === 1) {
      controller.abort();
      console.error("\ninterrupted: finishing the running cells; press Ctrl-C again to stop now");
    } else {
      store.close();
      process.exit(130);
    }
  };
  process.on("SIGINT", onSigint);
  const started = Date.now();
  const reporter = progressReporter(json ? "json" : process.stdout.isTTY ? "tty" : "lines");
  try {
    const summary = await runExperiment(plan, {
      store,
      dataDir,
      ...(options.force
        ? { rerun: "all" as const }
        : options.rerun
          ? { rerun: options.rerun as "failed" | "all" }
          : {}),
      signal: controller.signal,
      execute: (job, onCell) => pool.execute(job, onCell),
      concurrency: threads,
      retries,
      failFast: Boolean(options.failFast),
      sharedData: true,
      onEvent: (event) => reporter.onEvent(event),
    });
    reporter.stop();
    const line = `${plan.parsed.spec.name}: ${summary.finished} finished, ${summary.failed} failed, ${summary.alreadyDone} already done, ${summary.notRun} not run${summary.failedEarlier > 0 ? `, ${summary.failedEarlier} failed earlier (--rerun failed)` : ""}${summary.retried > 0 ? `, ${summary.retried} retried` : ""}${summary.claimedElsewhere > 0 ? `, ${summary.claimedElsewhere} run by another process` : ""}; ${summary.trainings} models trained; ${((Date.now() - started) / 1000).toFixed(1)} s (backend ${backend.name}, ${threads} workers, store ${store.path})`;
    if (json) console.log(JSON.stringify({ type: "summary", ...summary, seconds: (Date.now() - started) / 1000 }));
    else {
      console.log(line);
      console.log(leaderboardTables(leaderboard(store, { experimentId: summary.experimentId })));
    }
    return summary.failed > 0 || summary.notRun > 0 ? 1 : 0;
  } finally {
    reporter.stop();
    process.off("SIGINT", onSigint);
    await pool.destroy();
    store.close();
  }
}

function wholeNumber(value: unknown, option: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new HemlockError(
      "INVALID_ARGUMENT",
      `${option}: expected a whole number >= ${min}, got ${JSON.stringify(value)}`,
    );
  return n;
}
