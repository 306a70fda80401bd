/**
 * bench/store: leaderboard aggregation over a 100,000-cell store (5 datasets x 4 models x 10
 * attacks x 5 rates x 20 defenses x 5 seeds, each cell with the three headline metrics and four
 * detection metrics: 700,000 metric rows), written through the store's own API as a run writes it.
 * Times `leaderboard()` (mean, sd, n and 95% t-interval per setting and metric) for the headline
 * metrics and for every metric, median of 9 after a warm-up; the target is < 200 ms.
 * Writes bench/results/store.json. Run: pnpm bench:store
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { leaderboard, openStore } from "@hemlock/store";
import { rankDefenses } from "@hemlock/store/reports";
import { writeResult } from "../real-data-bench.js";
import { fillSyntheticStore } from "./synthetic-store.js";

const TARGET_MS = 200;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  const dir = process.env.HEMLOCK_BENCH_DIR || (await mkdtemp(join(tmpdir(), "hemlock-bench-store-")));
  const store = await openStore(join(dir, "hemlock.db"));
  const t0 = performance.now();
  const n = fillSyntheticStore(store);
  const fillMs = performance.now() - t0;
  const time = (run: () => unknown) => {
    run();
    return median(
      Array.from({ length: 9 }, () => {
        const s = performance.now();
        run();
        return performance.now() - s;
      }),
    );
  };
  let rows = 0;
  const headlineMs = time(() => {
    rows = leaderboard(store, { metrics: ["cleanAccuracy", "attackSuccessRate", "robustAccuracy"] }).length;
  });
  const allMs = time(() => leaderboard(store));
  const rankedMs = time(() => rankDefenses(store, { metric: "attackSuccessRate", dataset: "mnist" }));
  store.close();
  if (!process.env.HEMLOCK_BENCH_DIR) await rm(dir, { recursive: true, force: true });
  const pass = headlineMs < TARGET_MS;
  console.log(
    `store: ${n.toLocaleString()} cells (${(n * 7).toLocaleString()} metric rows) written in ${(fillMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `leaderboard, 3 headline metrics (${rows.toLocaleString()} rows): ${headlineMs.toFixed(1)} ms  target < ${TARGET_MS} ms: ${pass ? "PASS" : "FAIL"}`,
  );
  console.log(`leaderboard, all 7 metrics: ${allMs.toFixed(1)} ms`);
  console.log(`ranked leaderboard with paired tests (one dataset, 20,000 cells): ${rankedMs.toFixed(1)} ms`);
  await writeResult("store.json", {
    cells: n,
    metricRows: n * 7,
    fillSeconds: fillMs / 1000,
    leaderboardHeadlineMs: headlineMs,
    leaderboardAllMetricsMs: allMs,
    rankedOneDatasetMs: rankedMs,
    targetMs: TARGET_MS,
    pass,
  });
  if (!pass) process.exitCode = 1;
}

await main();
