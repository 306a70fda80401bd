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

  it("handles rank-4 operands with both transposes", async () => {
    const result = await compareWithCpu("wasm", {
      kernel: "BatchMatMul",
      inputs: { a: randomValues(random, [2, 3, 7, 5]), b: randomValues(random, [2, 3, 9, 7]) },
      attrs: { transposeA: true, transposeB: true },
    });
    expect(result.shape).toEqual([2, 3, 5, 9]);
    expect(result.error).toBeLessThan(1e-4);
  });
});
