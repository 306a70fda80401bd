import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HemlockError } from "../errors.js";
import "../register-builtins.js";
import { loadDataset } from "./load-dataset.js";

const emptyDir = await mkdtemp(join(tmpdir(), "hemlock-empty-"));
const dataDir = process.env.HEMLOCK_DATA_DIR;

describe("loadDataset", () => {
  it("loads the bundled digits with no data directory, split 75/25 and stratified", async () => {
    const { train, test } = await loadDataset("digits", { dataDir: emptyDir });
    expect(train.labels.length + test.labels.length).toBe(1797);
    expect(test.labels.length).toBe(449);
    expect(train.exampleShape).toEqual([8, 8, 1]);
    expect(train.sources).toEqual([
      {
        path: "sklearn/data/digits.csv.gz",
        sha256: "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22",
      },
    ]);
  });

  it("applies subset and testSubset, stratified and seeded, in shared memory on request", async () => {
    const { train, test } = await loadDataset(
      { name: "digits", subset: 100, testSubset: 50 },
      { dataDir: emptyDir, shared: true },
    );
    expect(train.labels.length).toBe(100);
    expect(test.labels.length).toBe(50);
    expect(train.x.buffer).toBeInstanceOf(SharedArrayBuffer);
    const perClass = [...new Set(train.labels)].map((c) => train.labels.filter((l) => l === c).length);
    expect(Math.max(...perClass) - Math.min(...perClass)).toBeLessThanOrEqual(2);
  });

  it("keeps the listed classes relabelled in order, and carves a disjoint validation set before the subset", async () => {
    const whole = await loadDataset("digits", { dataDir: emptyDir });
    const { train, test, validation } = await loadDataset(
      { name: "digits", classes: [9, 8], validation: 60, subset: 40 },
      { dataDir: emptyDir, shared: true },
    );
    const countOf = (labels: Int32Array, c: number) => labels.filter((l) => l === c).length;
    expect(train.classes).toBe(2);
    expect(train.classNames).toEqual(["9", "8"]);
    expect(test.labels.length).toBe(countOf(whole.test.labels, 9) + countOf(whole.test.labels, 8));
    expect(countOf(test.labels, 0)).toBe(countOf(whole.test.labels, 9));
    expect(train.labels.length).toBe(40);
    expect(validation?.labels.length).toBe(60);
    expect(validation?.split).toBe("validation");
    expect(validation?.x.buffer).toBeInstanceOf(SharedArrayBuffer);
    // Each class keeps its share: 9s and 8s are nearly even in digits.
    expect(Math.abs(countOf(validation?.labels as Int32Array, 0) - 30)).toBeLessThanOrEqual(1);
    // Disjoint: no training image appears in the validation set.
    const key = (x: Float32Array, i: number) => x.subarray(i * 64, (i + 1) * 64).join(",");
    const held = new Set(Array.from({ length: 60 }, (_, i) => key(validation?.x as Float32Array, i)));
    const shared = Array.from({ length: 40 }, (_, i) => key(train.x, i)).filter((k) => held.has(k));
    expect(shared).toEqual([]);
    // Every kept example is a 9 or an 8 of the original, with the label mapped.
    const originals = new Map<string, number>();
    for (let i = 0; i < whole.train.labels.length; i++)
      originals.set(key(whole.train.x, i), whole.train.labels[i] as number);
    for (let i = 0; i < 40; i++) expect(originals.get(key(train.x, i))).toBe(train.labels[i] === 0 ? 9 : 8);
  });

  it("draws with the cell's seed under subsetSeed: seed, the same draw as the number", async () => {
    const spec = { name: "digits", subset: 50, subsetSeed: "seed" };
    const one = await loadDataset(spec, { dataDir: emptyDir, seed: 1 });
    const two = await loadDataset(spec, { dataDir: emptyDir, seed: 2 });
    const fixed = await loadDataset({ name: "digits", subset: 50, subsetSeed: 2 }, { dataDir: emptyDir });
    expect(two.train.x).toEqual(fixed.train.x);
    expect(one.train.x).not.toEqual(two.train.x);
    await expect(loadDataset(spec, { dataDir: emptyDir })).rejects.toThrow(
      `dataset.subsetSeed: "seed" draws with each cell's seed, and none was given`,
    );
  });

  it("names the field when classes or validation cannot be met, as an error the CLI reports plainly", async () => {
    const refused = await loadDataset({ name: "digits", subset: 5000 }, { dataDir: emptyDir }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HemlockError);
    expect((refused as HemlockError).code).toBe("INVALID_PARAMS");
    await expect(loadDataset({ name: "digits", classes: [3, 12] }, { dataDir: emptyDir })).rejects.toThrow(
      "dataset.classes: digits has classes 0 to 9 (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), got 12",
    );
    await expect(loadDataset({ name: "digits", classes: [3, 3] }, { dataDir: emptyDir })).rejects.toThrow(
      "dataset.classes: distinct class indices",
    );
    await expect(
      loadDataset({ name: "digits", classes: [0, 1], validation: 400 }, { dataDir: emptyDir }),
    ).rejects.toThrow(
      /^dataset.validation: digits has \d+ train examples, asked for 400 and would leave none to train on$/,
    );
    await expect(
      loadDataset({ name: "digits", classes: [0, 1], validation: 200, subset: 200 }, { dataDir: emptyDir }),
    ).rejects.toThrow(/^dataset.subset: digits has \d+ train examples after the validation set, asked for 200$/);
  });

  it("reports a missing file with the expected checksum and the command that fixes it", async () => {
    const error = await loadDataset("iris", { dataDir: emptyDir }).catch((e: unknown) => e as HemlockError);
    expect(error).toBeInstanceOf(HemlockError);
    expect((error as HemlockError).code).toBe("DATA_MISSING");
    expect((error as HemlockError).message).toBe(
      `dataset iris: ${join(emptyDir, "sklearn/data/iris.csv")} is missing (expected sha256 f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449)`,
    );
    expect((error as HemlockError).hint).toMatch(/^Run `hemlock data fetch iris`/);
  });

  it("reports truncated and corrupt files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hemlock-bad-"));
    await mkdir(join(dir, "sklearn/data"), { recursive: true });
    await writeFile(join(dir, "sklearn/data/iris.csv"), "150,4,setosa\n");
    await writeFile(join(dir, "sklearn/data/wine_data.csv"), Buffer.alloc(11157, 32));
    await expect(loadDataset("iris", { dataDir: dir })).rejects.toThrow(
      /iris.csv is 13 bytes, expected 2734 .*truncated or not the original/,
    );
    await expect(loadDataset("wine", { dataDir: dir })).rejects.toThrow(
      /wine_data.csv has sha256 [0-9a-f]{64}, expected 10e8a802/,
    );
  });

  it("names the field of a bad spec, with a did-you-mean for names", async () => {
    await expect(loadDataset({ name: "mnsit" }, { where: "exp.yaml: dataset" })).rejects.toThrow(
      'exp.yaml: dataset.name: unknown dataset "mnsit"; did you mean "mnist"?',
    );
    await expect(loadDataset({ name: "digits", subset: -3 }, { dataDir: emptyDir })).rejects.toThrow(
      "dataset.subset: Too small: expected number to be >0, got -3",
    );
    await expect(loadDataset({ name: "digits", subset: 5000 }, { dataDir: emptyDir })).rejects.toThrow(
      "dataset.subset: digits has 1348 train examples, asked for 5000",
    );
    await expect(loadDataset({ name: "digits", colour: 1 }, { dataDir: emptyDir })).rejects.toThrow(
      'dataset: Unrecognized key: "colour"',
    );
  });
});

describe.runIf(dataDir)("real datasets (HEMLOCK_DATA_DIR)", () => {
  const expected: [string, number, number, number[], number][] = [
    ["mnist", 60000, 10000, [28, 28, 1], 10],
    ["fashion-mnist", 60000, 10000, [28, 28, 1], 10],
    ["mnist-1-7", 13007, 2163, [28, 28, 1], 2],
    ["breast-cancer", 427, 142, [30], 2],
    ["iris", 112, 38, [4], 3],
    ["wine", 133, 45, [13], 3],
    ["adult", 32561, 16281, [108], 2],
    ["spambase", 3451, 1150, [57], 2],
  ];
  it.each(expected)(
    "%s: %i train, %i test, example shape %j, %i classes",
    async (name, nTrain, nTest, shape, classes) => {
      const { train, test } = await loadDataset(name, { dataDir });
      expect(train.labels.length).toBe(nTrain);
      expect(test.labels.length).toBe(nTest);
      expect(train.exampleShape).toEqual(shape);
      expect(train.classes).toBe(classes);
      expect(train.x.length).toBe(nTrain * shape.reduce((a, b) => a * b, 1));
      expect(Math.max(...train.labels)).toBe(classes - 1);
      expect(train.x.every(Number.isFinite)).toBe(true);
    },
  );

  it("mnist: the first training label is 5 and pixels span [0, 1]", async () => {
    const { train } = await loadDataset("mnist", { dataDir });
    expect(train.labels[0]).toBe(5);
    let max = 0;
    for (const v of train.x) if (v > max) max = v;
    expect(max).toBe(1);
  });

  it("adult: 24.08% of training rows earn >50K, as published", async () => {
    const { train } = await loadDataset("adult", { dataDir });
    expect(train.labels.reduce((a, b) => a + b, 0)).toBe(7841);
  });
});
