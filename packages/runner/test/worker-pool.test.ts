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
});
