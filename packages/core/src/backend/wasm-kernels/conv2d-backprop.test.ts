import { beforeAll, describe, expect, it } from "vitest";
import { SeededRandom } from "../../random/seeded-random.js";
import { compareWithCpu, randomInt, randomValues } from "../../testing/compare-backends.js";
import { loadBackend } from "../load-backend.js";

beforeAll(async () => {
  expect(await loadBackend("wasm")).toEqual({ ok: true });
  expect(await loadBackend("cpu")).toEqual({ ok: true });
});

type Pad = "valid" | "same" | number | number[][];

interface ConvCase {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: [number, number];
  pad: Pad;
}

function outSize(input: number, filter: number, stride: number, before: number, after: number): number {
  return Math.floor((input + before + after - filter) / stride) + 1;
}

/** Random conv geometries: odd sizes, strides 1-3, every tfjs padding form, batch 1-5. */
function randomCases(random: SeededRandom, count: number): ConvCase[] {
  const cases: ConvCase[] = [];
  while (cases.length < count) {
    const fh = randomInt(random, 1, 5);
    const fw = randomInt(random, 1, 5);
    const x: ConvCase["x"] = [
      randomInt(random, 1, 5),
      randomInt(random, fh, 15),
      randomInt(random, fw, 15),
      randomInt(random, 1, 4),
    ];
    const filter: ConvCase["filter"] = [fh, fw, x[3], randomInt(random, 1, 6)];
    const strides: [number, number] = [randomInt(random, 1, 3), randomInt(random, 1, 3)];
    const padKind = cases.length % 4;
    const pad: Pad =
      padKind === 0
        ? "valid"
        : padKind === 1
          ? "same"
          : padKind === 2
            ? randomInt(random, 0, 2)
            : [
                [0, 0],
                [randomInt(random, 0, 2), randomInt(random, 0, 2)],
                [randomInt(random, 0, 2), randomInt(random, 0, 2)],
                [0, 0],
              ];
    if (
      typeof pad === "number" &&
      (outSize(x[1], fh, strides[0], pad, pad) < 1 || outSize(x[2], fw, strides[1], pad, pad) < 1)
    ) {
      continue;
    }
    cases.push({ x, filter, strides, pad });
  }
  return cases;
}

/** The forward output shape, computed by tfjs itself on the cpu backend. */
async function dyShape(c: ConvCase): Promise<number[]> {
  const { backend_util } = await import("@tensorflow/tfjs");
  return backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad as "valid").outShape;
}

const random = new SeededRandom(7);
const cases = randomCases(random, 32);

describe("wasm Conv2DBackpropFilter (Hemlock kernel; stock wasm has none)", () => {
  it.each(cases)("matches cpu for x=$x filter=$filter strides=$strides pad=$pad", async (c) => {
    const result = await compareWithCpu("wasm", {
      kernel: "Conv2DBackpropFilter",
      inputs: { x: randomValues(random, c.x), dy: randomValues(random, await dyShape(c)) },
      attrs: { strides: c.strides, pad: c.pad, dataFormat: "NHWC", dimRoundingMode: undefined, filterShape: c.filter },
    });
    expect(result.shape).toEqual(c.filter);
    expect(result.error).toBeLessThan(1e-4);
  });

  // Batch 8, not 128: the cpu reference alone takes about 20 s at 128.
  it("handles the BadNets CNN's second conv layer", async () => {
    const result = await compareWithCpu("wasm", {
      kernel: "Conv2DBackpropFilter",
      inputs: { x: randomValues(random, [8, 12, 12, 16]), dy: randomValues(random, [8, 8, 8, 32]) },
      attrs: {
        strides: [1, 1],
        pad: "valid",
        dataFormat: "NHWC",
        dimRoundingMode: undefined,
        filterShape: [5, 5, 16, 32],
      },
    });
    expect(result.shape).toEqual([5, 5, 16, 32]);
    expect(result.error).toBeLessThan(1e-4);
  });

  it("refuses NCHW with an error naming the kernel", async () => {
    await expect(
      compareWithCpu("wasm", {
        kernel: "Conv2DBackpropFilter",
        inputs: { x: randomValues(random, [1, 2, 6, 6]), dy: randomValues(random, [1, 2, 4, 4]) },
        attrs: {
          strides: [1, 1],
          pad: "valid",
          dataFormat: "NCHW",
          dimRoundingMode: undefined,
          filterShape: [3, 3, 2, 2],
        },
      }),
    ).rejects.toThrow(/Conv2DBackpropFilter on the wasm backend supports dataFormat NHWC only/);
  });
});

describe("wasm Conv2DBackpropInput (Hemlock kernel, replacing the slow stock one)", () => {
  it.each(cases)("matches cpu for x=$x filter=$filter strides=$strides pad=$pad", async (c) => {
    const result = await compareWithCpu("wasm", {
      kernel: "Conv2DBackpropInput",
      inputs: { dy: randomValues(random, await dyShape(c)), filter: randomValues(random, c.filter) },
      attrs: { strides: c.strides, pad: c.pad, dataFormat: "NHWC", dimRoundingMode: undefined, inputShape: c.x },
    });
    expect(result.shape).toEqual(c.x);
    expect(result.error).toBeLessThan(1e-4);
  });

  it("handles the BadNets CNN's second conv layer at batch 128", async () => {
    const result = await compareWithCpu("wasm", {
      kernel: "Conv2DBackpropInput",
      inputs: { dy: randomValues(random, [128, 8, 8, 32]), filter: randomValues(random, [5, 5, 16, 32]) },
      attrs: {
        strides: [1, 1],
        pad: "valid",
        dataFormat: "NHWC",
        dimRoundingMode: undefined,
        inputShape: [128, 12, 12, 16],
      },
    });
    expect(result.shape).toEqual([128, 12, 12, 16]);
    expect(result.error).toBeLessThan(1e-4);
  });
});
