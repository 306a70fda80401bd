/**
 * `hemlock worker`: serves the distributed executor. Takes the groups of cells that
 * `hemlock run --executor bullmq` queues in Redis for this worker's compute backend, runs each on
 * a local pool of worker threads, and sends every cell's outcome back to the run, which records
 * it. Start as many as there are machines; each runs until interrupted. The first Ctrl-C (or
 * SIGTERM) stops taking groups and lets the running ones finish; the second exits at once, and
 * the queue gives the unfinished groups to another worker.
 */
import { resolve } from "node:path";
import { defaultWorkerCount, startDistributedWorker, type WorkerEvent } from "@hemlock/runner";
import { selectBackendOption } from "../backend-option.js";
import { resolveDataDirOption } from "../data-dir-option.js";
import { flag, text, wholeNumber } from "../options/option-values.js";
import { type OptionValues, optionTable } from "../options/shared-tables.js";

export const OPTIONS = optionTable({
  workers: wholeNumber(1).optional(),
  artifactDir: text.optional(),
  lockDuration: wholeNumber(1000),
  redisUrl: text,
  queuePrefix: text,
  json: flag,
});

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const threads = options.workers ?? defaultWorkerCount();
  const lockDurationMs = options.lockDuration;
  const { json, redisUrl } = options;
  const backend = await selectBackendOption(options);
  const dataDir = resolveDataDirOption(options.dataDir).dir;
  const print = (event: Record<string, unknown>, line: string) => console.log(json ? JSON.stringify(event) : line);
  const worker = await startDistributedWorker({
    redisUrl,
    backend: backend.name,
    threads,
    dataDir,
    ...(options.artifactDir ? { artifactDir: resolve(options.artifactDir) } : {}),
    lockDurationMs,
    // Look for groups whose worker died as often as a lock can lapse.
    stalledIntervalMs: lockDurationMs,
    prefix: options.queuePrefix,
    onEvent: (event) => print(event, describe(event)),
  });
  print(
    { type: "ready", id: worker.id, queue: worker.queue, redisUrl, backend: backend.name, threads },
    `worker ${worker.id}: serving queue ${worker.queue} on ${redisUrl} with ${threads} threads (backend ${backend.name}, data ${dataDir})`,
  );
  await new Promise<void>((done) => {
    let signals = 0;
    const stop = () => {
      signals++;
      if (signals === 1) {
        console.error("stopping: finishing the running groups; press Ctrl-C again to leave now");
        void worker.close().then(done);
      } else process.exit(130);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  print({ type: "stopped", id: worker.id }, `worker ${worker.id}: stopped`);
  return 0;
}

function describe(event: WorkerEvent): string {
  if (event.type === "group") return `group ${event.jobId}: ${event.cells} cells for run ${event.run}`;
  if (event.type === "skipped") return `group ${event.jobId}: skipped, ${event.reason}`;
  return `group ${event.jobId}: ${event.finished} finished, ${event.failed} failed${event.error ? `: ${event.error}` : ""}`;
}
