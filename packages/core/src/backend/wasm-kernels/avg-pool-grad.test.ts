import { beforeAll, describe, expect, it } from "vitest";
import { SeededRandom } from "../../random/seeded-random.js";
import { compareWithCpu, randomValues } from "../../testing/compare-backends.js";
import { loadBackend } from "../load-backend.js";

beforeAll(async () => {
  expect(await loadBackend("wasm")).toEqual({ ok: true });
  expect(await loadBackend("cpu")).toEqual({ ok: true });
});

const random = new SeededRandom(31);

describe("wasm AvgPoolGrad (Hemlock kernel for non-overlapping windows)", () => {
  const cases = [
    { input: [3, 8, 8, 5], window: [2, 2], strides: [2, 2], pad: "valid" },
    { input: [2, 9, 7, 3], window: [2, 2], strides: [2, 2], pad: "valid" }, // remainders dropped
    { input: [4, 12, 12, 16], window: [3, 2], strides: [3, 2], pad: "valid" },
    { input: [1, 10, 10, 1], window: [5, 5], strides: [5, 5], pad: 0 },
    // Geometries the stock kernel keeps: overlapping windows and SAME padding.
    { input: [2, 9, 9, 3], window: [3, 3], strides: [2, 2], pad: "valid" },
    { input: [2, 7, 7, 3], window: [2, 2], strides: [2, 2], pad: "same" },
  ] as const;

  it.each(cases)("matches cpu for input=$input window=$window strides=$strides pad=$pad", async (c) => {
    const { backend_util } = await import("@tensorflow/tfjs");
    const info = backend_util.computePool2DInfo(
      [...c.input] as [number, number, number, number],
      [...c.window] as [number, number],
      [...c.strides] as [number, number],
      1,
      c.pad,
    );
    const result = await compareWithCpu("wasm", {
      kernel: "AvgPoolGrad",
      inputs: { dy: randomValues(random, info.outShape), input: randomValues(random, [...c.input]) },
      attrs: { filterSize: c.window, strides: c.strides, pad: c.pad },
    });
    expect(result.shape).toEqual([...c.input]);
    expect(result.error).toBeLessThan(1e-5);
  });
});
