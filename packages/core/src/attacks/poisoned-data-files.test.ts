import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Dataset } from "../datasets/dataset.js";
import { backdoorMetrics } from "../metrics/backdoor-metrics.js";
import { SeededRandom } from "../random/seeded-random.js";
import "../register-builtins.js";
import { poisonDataset } from "./poison-dataset.js";
import {
  applyDifference,
  difference,
  hasPoisonedData,
  loadPoisonedData,
  savePoisonedData,
  toPoisonedData,
} from "./poisoned-data-files.js";
import { triggeredRows } from "./triggered-rows.js";

/** n 8x8 greyscale images in [0, 0.5), 4 classes. */
function images(n: number, seed: number, split: "train" | "test"): Dataset {
  const r = new SeededRandom(seed);
  return {
    name: "tiny-images",
    split,
    x: Float32Array.from({ length: n * 64 }, () => r.float() * 0.5),
    exampleShape: [8, 8, 1],
    labels: Int32Array.from({ length: n }, (_, i) => i % 4),
    classes: 4,
    classNames: ["a", "b", "c", "d"],
    domain: { kind: "image", min: 0, max: 1 },
    sources: [],
  };
}

const clean = { train: images(400, 1, "train"), test: images(120, 2, "test") };
const bits = (a: Float32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);
const tempDir = () => mkdtemp(join(tmpdir(), "hemlock-poisoned-"));

describe("difference", () => {
  const base = Float32Array.from({ length: 40 }, (_, i) => i / 10);

  it("keeps single values when few change, and rebuilds the array bit for bit", () => {
    const changed = Float32Array.from(base);
    changed[3] = 7;
    changed[37] = -0;
    const d = difference(base, changed, 10);
    expect(d.encoding).toBe("values");
    if (d.encoding === "values") expect([...d.positions]).toEqual([3, 37]);
    const rebuilt = Float32Array.from(base);
    applyDifference(rebuilt, d, 10);
    expect(bits(rebuilt)).toEqual(bits(changed));
  });

  it("keeps whole rows when most of a row changes", () => {
    const changed = Float32Array.from(base);
    for (let i = 10; i < 20; i++) changed[i] = (changed[i] as number) * 0.5 + 0.25;
    const d = difference(base, changed, 10);
    expect(d.encoding).toBe("rows");
    if (d.encoding === "rows") expect([...d.rows]).toEqual([1]);
    const rebuilt = Float32Array.from(base);
    applyDifference(rebuilt, d, 10);
    expect(bits(rebuilt)).toEqual(bits(changed));
  });
});

describe("poisoned data on disk", () => {
  it.each([
    // Labels (4 B) and mask (1 B) of 400 examples, then what changed: a 2x2 patch on 40 training
    // and 120 test images as (position, value) pairs of 8 B;
    ["badnets", { trigger: { kind: "patch", size: 2 } }, "values", 2_000 + 40 * 4 * 8 + 120 * 4 * 8],
    // a blend changes whole rows: a 4 B row number and 64 floats each;
    ["blended", { alpha: 0.2 }, "rows", 2_000 + (40 + 120) * (4 + 64 * 4)],
    // a label flip changes no features;
    ["label-flip", {}, undefined, 2_000],
    // appended copies are kept whole, after labels and mask of 440; the 3x3 patch on the test split.
    ["badnets", { mode: "append", mapping: "all-to-all" }, "values", 440 * 5 + 40 * 64 * 4 + 120 * 9 * 8],
  ])(
    "%s %j reads back bit for bit, as differences from the clean splits",
    async (name, params, testEncoding, expectedBytes) => {
      const result = poisonDataset({ name, ...params }, clean.train, { rate: 0.1, seed: 3 });
      const poisoned = toPoisonedData(result, clean.test);
      const dir = await tempDir();
      expect(hasPoisonedData(dir)).toBe(false);
      const { bytes, sha256 } = await savePoisonedData(poisoned, clean, dir);
      expect(hasPoisonedData(dir)).toBe(true);
      expect((await stat(join(dir, "poisoned.bin"))).size).toBe(bytes);
      // Against 133 kB for the clean splits themselves (520 x 64 floats).
      expect(bytes).toBe(expectedBytes);
      const manifest = JSON.parse(await readFile(join(dir, "poisoned.json"), "utf8"));
      expect(manifest.sha256).toBe(sha256);
      expect(manifest.testEncoding).toBe(testEncoding);

      const back = await loadPoisonedData(dir, clean);
      expect(bits(back.train.x)).toEqual(bits(result.train.x));
      expect(back.train.labels).toEqual(result.train.labels);
      expect(back.train.exampleShape).toEqual(clean.train.exampleShape);
      expect(back.mask).toEqual(result.mask);
      expect(back.semantics).toEqual(result.semantics);
      if (result.trigger) {
        expect(bits(back.triggeredTest as Float32Array)).toEqual(bits(triggeredRows(result.trigger, clean.test)));
        // The metrics are the same from the read-back triggered split as from the trigger itself.
        const predict = (x: { x: Float32Array }) =>
          Int32Array.from({ length: x.x.length / 64 }, (_, i) => ((x.x[i * 64 + 63] as number) === 1 ? 0 : 1));
        const fromFunction = backdoorMetrics(predict, clean.test, result.trigger, result.semantics);
        const fromDisk = backdoorMetrics(predict, clean.test, back.triggeredTest, back.semantics);
        expect(fromDisk).toEqual(fromFunction);
        if (name === "badnets" && result.semantics.mapping === "all-to-one")
          expect(fromFunction.attackSuccessRate).toBe(1);
      } else expect(back.triggeredTest).toBeUndefined();
    },
  );

  it("keeps a targeted attack's targets and the attack's diagnostics", async () => {
    const poisoned = {
      ...toPoisonedData(poisonDataset("label-flip", clean.train, { rate: 0.05, seed: 1 }), clean.test),
      targets: { indices: Int32Array.from([4, 9]), intendedLabels: Int32Array.from([1, 3]) },
      diagnostics: { validationLossAfter: 0.75 },
    };
    const dir = await tempDir();
    await savePoisonedData(poisoned, clean, dir);
    const back = await loadPoisonedData(dir, clean);
    expect(back.targets?.indices).toEqual(Int32Array.from([4, 9]));
    expect(back.targets?.intendedLabels).toEqual(Int32Array.from([1, 3]));
    expect(back.diagnostics).toEqual({ validationLossAfter: 0.75 });
  });

  it("refuses a damaged file or other clean data, naming the directory", async () => {
    const dir = await tempDir();
    await savePoisonedData(
      toPoisonedData(poisonDataset("badnets", clean.train, { rate: 0.1, seed: 1 }), clean.test),
      clean,
      dir,
    );
    const other = { train: images(300, 1, "train"), test: clean.test };
    await expect(loadPoisonedData(dir, other)).rejects.toThrow(
      `${dir}: saved against 400 training and 120 test examples of shape 8x8x1; the clean data has 300 and 120 of shape 8x8x1`,
    );
    const file = join(dir, "poisoned.bin");
    const data = await readFile(file);
    data[10] = (data[10] as number) ^ 1;
    await writeFile(file, data);
    await expect(loadPoisonedData(dir, clean)).rejects.toMatchObject({
      code: "ARTIFACT_FILE",
      message: expect.stringMatching(/poisoned\.bin has sha256 [0-9a-f]{64}, the manifest says/),
    });
  });
});
