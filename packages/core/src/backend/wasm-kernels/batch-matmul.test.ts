import { beforeAll, describe, expect, it } from "vitest";
import { SeededRandom } from "../../random/seeded-random.js";
import { compareWithCpu, randomInt, randomValues } from "../../testing/compare-backends.js";
import { loadBackend } from "../load-backend.js";

beforeAll(async () => {
  expect(await loadBackend("wasm")).toEqual({ ok: true });
  expect(await loadBackend("cpu")).toEqual({ ok: true });
});

interface MatMulCase {
  aShape: number[];
  bShape: number[];
  transposeA: boolean;
  transposeB: boolean;
}

const random = new SeededRandom(2024);

/**
 * Every transpose combination for each pair of batch shapes, with random odd sizes in [lo, hi].
 * Small sizes keep wasm's stock loop; sizes of 33 and up take Hemlock's fast paths.
 */
function cases(batchPairs: [number[], number[]][], lo: number, hi: number): MatMulCase[] {
  return batchPairs.flatMap(([aBatch, bBatch]) =>
    [false, true].flatMap((transposeA) =>
      [false, true].map((transposeB) => {
        const [m, k, n] = [randomInt(random, lo, hi), randomInt(random, lo, hi), randomInt(random, lo, hi)];
        return {
          transposeA,
          transposeB,
          aShape: [...aBatch, ...(transposeA ? [k, m] : [m, k])],
          bShape: [...bBatch, ...(transposeB ? [n, k] : [k, n])],
        };
      }),
    ),
  );
}

async function expectMatchesCpu(c: MatMulCase): Promise<number[]> {
  const result = await compareWithCpu("wasm", {
    kernel: "BatchMatMul",
    inputs: { a: randomValues(random, c.aShape), b: randomValues(random, c.bShape) },
    attrs: { transposeA: c.transposeA, transposeB: c.transposeB },
  });
  expect(result.shape).toEqual(result.cpuShape);
  expect(result.error).toBeLessThan(1e-4);
  return result.shape;
}

const batches: [number[], number[]][] = [
  [[], []],
  [[3], [3]],
  [[4], [1]],
  [[1], [2]],
];

describe("wasm BatchMatMul (Hemlock kernel)", () => {
  it.each(cases(batches, 1, 37))("matches cpu for a=$aShape b=$bShape tA=$transposeA tB=$transposeB", async (c) => {
    await expectMatchesCpu(c);
  });

  it.each(cases(batches, 33, 71))(
    "matches cpu on the fast paths for a=$aShape b=$bShape tA=$transposeA tB=$transposeB",
    async (c) => {
      await expectMatchesCpu(c);
    },
  );

  it("falls back correctly for general broadcasting ([2,1] against [1,3] batch dims)", async () => {
    const shape = await expectMatchesCpu({
      aShape: [2, 1, 40, 50],
      bShape: [1, 3, 50, 45],
      transposeA: false,
      transposeB: false,
    });
    expect(shape).toEqual([2, 3, 40, 45]);
  });

  it("handles rank-4 operands with both transposes", async () => {
    const shape = await expectMatchesCpu({
      aShape: [2, 3, 47, 45],
      bShape: [2, 3, 49, 47],
      transposeA: true,
      transposeB: true,
    });
    expect(shape).toEqual([2, 3, 45, 49]);
  });
});
