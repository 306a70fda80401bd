/**
 * bench/datasets/shared-memory: shows that worker threads share a dataset instead of each
 * holding a copy. MNIST's training split is loaded once in the main thread, then handed to 2
 * Piscina workers that keep it and read every value: once built in SharedArrayBuffers (what
 * Hemlock does) and once in ordinary ArrayBuffers (structured clone copies it into each worker).
 * Each variant runs in its own process, so RSS readings do not mix. Needs HEMLOCK_DATA_DIR.
 * Run: pnpm bench:shared-memory
 */
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadDataset } from "@hemlock/core";
import { Piscina } from "piscina";

const MB = 1024 * 1024;

async function measure(shared: boolean) {
  const { train } = await loadDataset("mnist", { shared });
  globalThis.gc?.();
  const afterLoad = process.memoryUsage().rss;
  const pool = new Piscina({
    filename: fileURLToPath(new URL("./hold-dataset-worker.mjs", import.meta.url)),
    minThreads: 2,
    maxThreads: 2,
  });
  const replies = await Promise.all([pool.run({ train }), pool.run({ train })]);
  const afterWorkers = process.memoryUsage().rss;
  await pool.destroy();
  return {
    variant: shared ? "SharedArrayBuffer" : "ArrayBuffer (copied)",
    datasetMB: (train.x.byteLength + train.labels.byteLength) / MB,
    rssAfterLoadMB: afterLoad / MB,
    rssWithWorkersMB: afterWorkers / MB,
    addedByWorkersMB: (afterWorkers - afterLoad) / MB,
    workersSawShared: replies.every((r) => r.shared),
    sumsAgree: replies.every((r) => r.sum === replies[0]?.sum),
  };
}

if (process.argv[2] === "--variant") {
  process.stdout.write(JSON.stringify(await measure(process.argv[3] === "shared")));
} else {
  if (!process.env.HEMLOCK_DATA_DIR) throw new Error("set HEMLOCK_DATA_DIR to a directory holding MNIST");
  const run = (variant: string) =>
    JSON.parse(
      execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--variant", variant], {
        encoding: "utf8",
      }),
    );
  const results = [run("shared"), run("copied")];
  console.log("MNIST train split (60,000 x 28 x 28 float32 + labels), 2 Piscina workers holding it\n");
  for (const r of results) {
    console.log(
      `${r.variant.padEnd(22)} dataset ${r.datasetMB.toFixed(0)} MB; RSS after load ${r.rssAfterLoadMB.toFixed(0)} MB, with workers ${r.rssWithWorkersMB.toFixed(0)} MB: workers added ${r.addedByWorkersMB.toFixed(0)} MB (shared in workers: ${r.workersSawShared}, sums agree: ${r.sumsAgree})`,
    );
  }
  const [shared, copied] = results;
  const pass = shared.addedByWorkersMB < 0.5 * shared.datasetMB;
  console.log(
    `\n${pass ? "PASS" : "FAIL"}  with shared memory the 2 workers add ${shared.addedByWorkersMB.toFixed(0)} MB, less than half of one ${shared.datasetMB.toFixed(0)} MB copy (copying adds ${copied.addedByWorkersMB.toFixed(0)} MB)`,
  );
  const dir = new URL("../results/", import.meta.url);
  await mkdir(dir, { recursive: true });
  await writeFile(
    new URL("shared-memory.json", dir),
    `${JSON.stringify({ date: new Date().toISOString(), results, pass }, null, 2)}\n`,
  );
  if (!pass) process.exitCode = 1;
}
