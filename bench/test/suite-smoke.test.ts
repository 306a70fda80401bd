/**
 * The side-by-side suite's smoke run: each benchmark of bench/suite at tiny sizes without its
 * PyTorch peer (HEMLOCK_BENCH_SMOKE=1), so that a change that breaks one shows in `pnpm test`
 * and not on the day of a full run. Asserts the records they write, not their speed: speed
 * figures come from the full runs (`pnpm bench`) and are never timed in tests.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const BENCH = fileURLToPath(new URL("../", import.meta.url));
const dataDir = process.env.HEMLOCK_DATA_DIR;

async function smoke(script: string): Promise<Record<string, unknown>> {
  const results = await mkdtemp(join(tmpdir(), "hemlock-bench-smoke-"));
  await promisify(execFile)(process.execPath, ["--import", "tsx", join(BENCH, script)], {
    cwd: BENCH,
    env: { ...process.env, HEMLOCK_BENCH_SMOKE: "1", HEMLOCK_BENCH_RESULTS_DIR: results },
    maxBuffer: 64 * 1024 * 1024,
  });
  const [file] = await readdir(results);
  expect(file).toBeDefined();
  return JSON.parse(await readFile(join(results, file as string), "utf8"));
}

describe.skipIf(!dataDir)("bench/suite smoke (needs HEMLOCK_DATA_DIR)", () => {
  it("side by side: a GEMM rate and training throughput of all four models on wasm", async () => {
    const record = (await smoke("suite/side-by-side.bench.ts")) as {
      training: { model: string; who: string; samplesPerSecond: number }[];
      ceiling: Record<string, { gflops: number }>;
    };
    expect(record.ceiling["hemlock wasm"]?.gflops).toBeGreaterThan(0);
    const wasm = record.training.filter((r) => r.who === "hemlock wasm");
    expect(wasm.map((r) => r.model).sort()).toEqual(["badnets-cnn", "logistic-regression", "mlp", "resnet-small"]);
    for (const r of wasm) expect(r.samplesPerSecond).toBeGreaterThan(0);
  }, 600_000);

  it("the BadNets grid: all 8 cells finished, models shared, accuracy and attack success recorded", async () => {
    const record = (await smoke("suite/backdoor-grid.bench.ts")) as {
      cells: number;
      peer: unknown;
      hemlock: {
        wallS: number;
        peakRssMb: number;
        modelsTrained: number;
        summary: { finished: number; failed: number };
      };
      agreement: { attack: string; defense: string; hemlock: { cleanAccuracy: number; attackSuccessRate: number } }[];
    };
    expect(record.cells).toBe(8);
    expect(record.peer).toBeNull();
    expect(record.hemlock.summary).toMatchObject({ finished: 8, failed: 0 });
    // 2 attacks x 1 rate x 1 seed: one poisoned model each (none and STRIP share it, spectral
    // signatures reads it), plus a retrained one for each of perfect-filter and spectral signatures.
    expect(record.hemlock.modelsTrained).toBe(6);
    expect(record.hemlock.peakRssMb).toBeGreaterThan(0);
    expect(record.agreement).toHaveLength(8);
    for (const a of record.agreement) {
      expect(a.hemlock.cleanAccuracy).toBeGreaterThan(0.1);
      expect(a.hemlock.attackSuccessRate).toBeGreaterThanOrEqual(0);
    }
  }, 600_000);

  it("tiny cells: every cell finished and the overhead per cell is accounted for", async () => {
    const record = (await smoke("suite/tiny-cells.bench.ts")) as {
      cells: number;
      hemlock: { workers: number; cellWorkMs: number; overheadMsPerCell: number; runSeconds: number };
    };
    expect(record.cells).toBe(10);
    expect(record.hemlock.workers).toBeGreaterThanOrEqual(1);
    expect(record.hemlock.cellWorkMs).toBeGreaterThan(0);
    expect(Number.isFinite(record.hemlock.overheadMsPerCell)).toBe(true);
  }, 600_000);
});
