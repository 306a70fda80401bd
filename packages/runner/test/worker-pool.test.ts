import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CellConfig } from "../src/cells/resolve-cells.js";
import { createWorkerPool } from "../src/execute/executors/local/worker-pool.js";
import type { CellOutcome } from "../src/execute/worker/run-poison-group.js";

const cell = (seed: number) => ({ identity: `cell-${seed}`, config: { seed } as unknown as CellConfig, chain: [] });

describe("the worker pool", () => {
  it("when a worker dies, reruns its unreported cells one by one, so only the cell that kills it fails", async () => {
    const pool = createWorkerPool({
      threads: 2,
      backend: "cpu",
      workerFile: fileURLToPath(new URL("./fixtures/crash-on-seed-2.mjs", import.meta.url)),
    });
    const outcomes: CellOutcome[] = [];
    await pool.execute(
      { cells: [cell(1), cell(2), cell(3), cell(4)], nodes: {}, artifactDir: "/nonexistent", workerId: 0 },
      (o) => outcomes.push(o),
    );
    // The pool survives: a later group on a replacement worker runs.
    await pool.execute({ cells: [cell(5)], nodes: {}, artifactDir: "/nonexistent", workerId: 0 }, (o) =>
      outcomes.push(o),
    );
    await pool.destroy();
    const status = Object.fromEntries(outcomes.map((o) => [o.identity, o.status]));
    expect(status).toEqual({
      "cell-1": "finished",
      "cell-2": "failed",
      "cell-3": "finished",
      "cell-4": "finished",
      "cell-5": "finished",
    });
    expect(outcomes).toHaveLength(5);
    expect(outcomes.find((o) => o.identity === "cell-2")?.error).toMatch(/^worker failed: /);
  });

  it("keeps a group waiting behind each running one, and starts none of the waiting ones once told to stop", async () => {
    const pool = createWorkerPool({
      threads: 1,
      backend: "cpu",
      workerFile: fileURLToPath(new URL("./fixtures/timed-groups.mjs", import.meta.url)),
    });
    expect(pool.concurrency).toBe(2);
    // Warm the worker up, so the timings below are the cells' own.
    await pool.execute({ cells: [cell(1)], nodes: {}, artifactDir: "/nonexistent", workerId: 0 }, () => {});
    const stop = new AbortController();
    const outcomes: string[] = [];
    const started: string[] = [];
    const group = (name: string, ms: number[]) => ({
      cells: ms.map((m, i) => ({ ...cell(m), identity: `${name}-${i + 1}` })),
      nodes: {},
      artifactDir: "/nonexistent",
      workerId: 0,
    });
    const running = pool.execute(group("a", [150, 150, 150]), (o) => outcomes.push(o.identity), {
      stop: stop.signal,
      onStarted: () => {
        started.push("a");
        setTimeout(() => stop.abort(), 50);
      },
    });
    // Handed over while the only worker is busy: it waits in the pool's queue.
    const waiting = pool.execute(group("b", [10, 10]), (o) => outcomes.push(o.identity), {
      stop: stop.signal,
      onStarted: () => started.push("b"),
    });
    await Promise.all([running, waiting]);
    // The running group finished, every outcome in order (its last came as the task's result);
    // the waiting one never started and reported nothing.
    expect(outcomes).toEqual(["a-1", "a-2", "a-3"]);
    expect(started).toEqual(["a"]);
    // Without a stop, the group behind starts when the worker is free.
    const after: string[] = [];
    await Promise.all([
      pool.execute(group("c", [20]), (o) => after.push(o.identity)),
      pool.execute(group("d", [5, 5]), (o) => after.push(o.identity)),
    ]);
    expect(after).toEqual(["c-1", "d-1", "d-2"]);
    await pool.destroy();
  });
});
