/**
 * bench/leaderboard: the leaderboard app over the 100,000-cell store (store/synthetic-store.ts),
 * served by `hemlock serve` as a user runs it. Times each kind of page on the server (a GET from
 * this machine, the whole response read: the median of 7 after a warm-up) with its size, then
 * `hemlock publish` of the whole store. Targets: a page in < 300 ms, the site in < 2 minutes.
 * Writes bench/results/leaderboard-app.json. Run: pnpm bench:app
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "@hemlock/store";
import { writeResult } from "../real-data-bench.js";
import { fillSyntheticStore } from "../store/synthetic-store.js";

const BIN = fileURLToPath(new URL("../../packages/cli/dist/bin.js", import.meta.url));
const PAGE_TARGET_MS = 300;
const PUBLISH_TARGET_S = 120;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function serve(db: string, port: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [BIN, "serve", "--db", db, "--port", String(port)], { stdio: "pipe" });
  let out = "";
  child.stdout.on("data", (d) => {
    out += String(d);
  });
  child.stderr.on("data", (d) => {
    out += String(d);
  });
  for (let i = 0; i < 1200 && !/Hemlock leaderboard: /.test(out); i++) await new Promise((r) => setTimeout(r, 100));
  const url = /Hemlock leaderboard: (\S+)/.exec(out)?.[1];
  if (!url) throw new Error(`hemlock serve did not start: ${out}`);
  return { url, stop: () => child.kill("SIGINT") };
}

async function main(): Promise<void> {
  const dir = process.env.HEMLOCK_BENCH_DIR || (await mkdtemp(join(tmpdir(), "hemlock-bench-app-")));
  const db = join(dir, "hemlock.db");
  const store = await openStore(db);
  const cells = fillSyntheticStore(store);
  const someCell = (
    store.sqlite.prepare("SELECT identity FROM cells LIMIT 1 OFFSET 4321").get() as { identity: string }
  ).identity;
  store.close();
  const server = await serve(db, 3400 + (process.pid % 500));
  const pages: Record<string, string> = {
    "leaderboard (ASR, every setting)": "",
    "leaderboard by clean accuracy": "leaderboard/cleanAccuracy/",
    "experiment (5,000 cells)": "experiments/mnist-mlp/",
    "defense (5,000 cells)": "defenses/defense-3/",
    attack: "attacks/attack-2/",
    "compare two defenses (1,000 settings)": "compare/defense-1/defense-2/",
    cell: `cells/${someCell}/`,
  };
  const results: { page: string; path: string; ms: number; bytes: number; pass: boolean }[] = [];
  try {
    for (const [page, path] of Object.entries(pages)) {
      let bytes = 0;
      const fetchOnce = async () => {
        const start = performance.now();
        const response = await fetch(`${server.url}${path}`);
        const body = await response.text();
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        bytes = body.length;
        return performance.now() - start;
      };
      await fetchOnce();
      const times: number[] = [];
      for (let i = 0; i < 7; i++) times.push(await fetchOnce());
      const ms = median(times);
      results.push({ page, path, ms, bytes, pass: ms < PAGE_TARGET_MS });
      console.log(
        `${page}: ${ms.toFixed(0)} ms, ${(bytes / 1e6).toFixed(2)} MB  ${ms < PAGE_TARGET_MS ? "PASS" : "FAIL"}`,
      );
    }
  } finally {
    server.stop();
  }
  const site = join(dir, "site");
  const start = performance.now();
  const printed = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "publish", "--db", db, "--out", site], { stdio: "pipe" });
    let out = "";
    child.stdout.on("data", (d) => {
      out += String(d);
    });
    child.stderr.on("data", (d) => {
      out += String(d);
    });
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
  });
  const publishSeconds = (performance.now() - start) / 1000;
  console.log(
    `publish: ${printed.trim().split("\n").pop()}; ${publishSeconds.toFixed(1)} s wall  ${publishSeconds < PUBLISH_TARGET_S ? "PASS" : "FAIL"}`,
  );
  if (!process.env.HEMLOCK_BENCH_DIR) await rm(dir, { recursive: true, force: true });
  await writeResult("leaderboard-app.json", {
    cells,
    pages: results,
    pageTargetMs: PAGE_TARGET_MS,
    publishSeconds,
    publishTargetSeconds: PUBLISH_TARGET_S,
    publishOutput: printed.trim().split("\n").pop(),
  });
  if (results.some((r) => !r.pass) || publishSeconds >= PUBLISH_TARGET_S) process.exitCode = 1;
}

await main();
