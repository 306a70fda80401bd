import { beforeAll, describe, expect, it } from "vitest";
import { SeededRandom } from "../../random/seeded-random.js";
import { compareWithCpu, randomInt, randomValues } from "../../testing/compare-backends.js";
import { loadBackend } from "../load-backend.js";

beforeAll(async () => {
  expect(await loadBackend("wasm")).toEqual({ ok: true });
  expect(await loadBackend("cpu")).toEqual({ ok: true });
});

describe("wasm BatchMatMul (Hemlock kernel)", () => {
  const random = new SeededRandom(2024);
  const cases = Array.from({ length: 24 }, (_, i) => {
    const transposeA = i % 2 === 1;
    const transposeB = Math.floor(i / 2) % 2 === 1;
    const [m, k, n] = [randomInt(random, 1, 37), randomInt(random, 1, 41), randomInt(random, 1, 29)];
    // Batch dims: none, equal, or broadcast from 1 on either side.
    const batchKind = i % 3;
    const batch = randomInt(random, 2, 5);
    const aBatch = batchKind === 0 ? [] : batchKind === 1 ? [batch] : [1];
    const bBatch = batchKind === 0 ? [] : batchKind === 1 ? [batch] : [batch];
    const aShape = [...aBatch, ...(transposeA ? [k, m] : [m, k])];
    const bShape = [...bBatch, ...(transposeB ? [n, k] : [k, n])];
    return { transposeA, transposeB, aShape, bShape };
  });

  it.each(cases)("matches cpu for a=$aShape b=$bShape tA=$transposeA tB=$transposeB", async (c) => {
    const result = await compareWithCpu("wasm", {
      kernel: "BatchMatMul",
      inputs: { a: randomValues(random, c.aShape), b: randomValues(random, c.bShape) },
      attrs: { transposeA: c.transposeA, transposeB: c.transposeB },
    });
    expect(result.shape).toEqual(result.cpuShape);
    expect(result.error).toBeLessThan(1e-4);
  });

  // Large enough to leave the stock loop: folded, split, broadcast and transposed products.
  const large = Array.from({ length: 16 }, (_, i) => {
    const transposeA = i % 2 === 1;
    const transposeB = Math.floor(i / 2) % 2 === 1;
    const [m, k, n] = [randomInt(random, 33, 71), randomInt(random, 33, 71), randomInt(random, 33, 71)];
    const batches: [number[], number[]][] = [
      [[], []],
      [[3], [3]],
      [[4], [1]],
      [[1], [2]],
    ];
    const [aBatch, bBatch] = batches[Math.floor(i / 4)] as [number[], number[]];
    const aShape = [...aBatch, ...(transposeA ? [k, m] : [m, k])];
    const bShape = [...bBatch, ...(transposeB ? [n, k] : [k, n])];
    return { transposeA, transposeB, aShape, bShape };
  });

  it.each(large)("matches cpu on the fast paths for a=$aShape b=$bShape tA=$transposeA tB=$transposeB", async (c) => {
    const result = await compareWithCpu("wasm", {
      kernel: "BatchMatMul",
      inputs: { a: randomValues(random, c.aShape), b: randomValues(random, c.bShape) },
      attrs: { transposeA: c.transposeA, transposeB: c.transposeB },
    });
    expect(result.shape).toEqual(result.cpuShape);
    expect(result.error).toBeLessThan(1e-4);
  });

  it("falls back correctly for general broadcasting ([2,1] against [1,3] batch dims)", async () => {
    const result = await compareWithCpu("wasm", {
      kernel: "BatchMatMul",
      inputs: { a: randomValues(random, [2, 1, 40, 50]), b: randomValues(random, [1, 3, 50, 45]) },
      attrs: { transposeA: false, transposeB: false },
    });
    expect(result.shape).toEqual([2, 3, 40, 45]);
    expect(result.error).toBeLessThan(1e-4);
  });

  it("handles rank-4 operands with both transposes", async () => {
    const result = await compareWithCpu("wasm", {
      kernel: "BatchMatMul",
      inputs: { a: randomValues(random, [2, 3, 47, 45]), b: randomValues(random, [2, 3, 49, 47]) },
      attrs: { transposeA: true, transposeB: true },
    });
    expect(result.shape).toEqual([2, 3, 45, 49]);
    expect(result.error).toBeLessThan(1e-4);
  });
});
