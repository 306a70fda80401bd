/**
 * Each built-in loader run on small files made here, through a context that serves them by
 * path: the parsing, splitting and encoding logic, without the real data.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { idxBytes } from "../../testing/idx-bytes.js";
import { arrayAllocator } from "../array-allocator.js";
import type { DatasetContext } from "../define-dataset.js";
import { adult } from "./adult.js";
import { breastCancer } from "./breast-cancer.js";
import { digits } from "./digits.js";
import { mnist } from "./mnist.js";
import { mnist17 } from "./mnist-1-7.js";
import { spambase } from "./spambase.js";

function contextServing(
  files: Record<string, Uint8Array | string>,
  others: Record<string, DatasetContext extends { loadDataset(n: string): infer R } ? Awaited<R> : never> = {},
): DatasetContext {
  return {
    dataDir: "/nowhere",
    alloc: arrayAllocator(false),
    read: async (file) => {
      const content = files[file.path];
      if (content === undefined) throw new Error(`test served no ${file.path}`);
      return typeof content === "string" ? Buffer.from(content) : content;
    },
    loadDataset: async (name) => {
      const d = others[name];
      if (!d) throw new Error(`test served no dataset ${name}`);
      return d;
    },
  };
}

const tinyMnist = () =>
  mnist.load(
    {},
    contextServing({
      "mnist/train-images-idx3-ubyte.gz": idxBytes([3, 2, 2], [0, 255, 51, 102, 0, 0, 0, 0, 255, 255, 255, 255]),
      "mnist/train-labels-idx1-ubyte.gz": idxBytes([3], [1, 7, 3]),
      "mnist/t10k-images-idx3-ubyte.gz": idxBytes([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]),
      "mnist/t10k-labels-idx1-ubyte.gz": idxBytes([2], [7, 1]),
    }),
  );

describe("built-in dataset loaders on made-up files", () => {
  it("mnist scales pixels to [0,1] and keeps the split and shape", async () => {
    const { train, test } = await tinyMnist();
    expect(train.exampleShape).toEqual([2, 2, 1]);
    expect([...train.x.slice(0, 4)]).toEqual([0, 1, Math.fround(0.2), Math.fround(0.4)]);
    expect([...train.labels]).toEqual([1, 7, 3]);
    expect(test.labels.length).toBe(2);
    expect(train.domain).toEqual({ kind: "image", min: 0, max: 1 });
    expect(train.sources[0]?.sha256).toBe("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609");
  });

  it("mnist-1-7 keeps only 1s and 7s, relabelled 0 and 1", async () => {
    const source = await tinyMnist();
    const { train, test } = await mnist17.load({}, contextServing({}, { mnist: source }));
    expect([...train.labels]).toEqual([0, 1]);
    expect([...train.x]).toEqual([...source.train.x.slice(0, 8)]);
    expect([...test.labels]).toEqual([1, 0]);
    expect(train.classNames).toEqual(["1", "7"]);
  });

  it("breast-cancer reads the sklearn header and standardizes with train statistics", async () => {
    const rows = Array.from({ length: 8 }, (_, i) =>
      [...Array.from({ length: 30 }, (_, f) => i * 10 + f), i % 2].join(","),
    );
    const csv = `8,30,malignant,benign\n${rows.join("\n")}\n`;
    const { train, test } = await breastCancer.load(
      { testFraction: 0.25, splitSeed: 0, standardize: true },
      contextServing({ "sklearn/data/breast_cancer.csv": csv }),
    );
    expect(train.labels.length).toBe(6);
    expect(test.labels.length).toBe(2);
    expect(train.classNames).toEqual(["malignant", "benign"]);
    // Train columns have mean 0 and variance 1; the test split used the train statistics.
    const col0 = [...train.labels.keys()].map((i) => train.x[i * 30] as number);
    expect(col0.reduce((a, b) => a + b, 0) / 6).toBeCloseTo(0, 6);
    expect(col0.reduce((a, b) => a + b * b, 0) / 6).toBeCloseTo(1, 5);
  });

  it("digits reads 8x8 images on 0..16 as [0,1], gzipped", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [...Array.from({ length: 64 }, () => 16), i % 10].join(","));
    const { train, test } = await digits.load(
      { testFraction: 0.5, splitSeed: 0 },
      contextServing({ "sklearn/data/digits.csv.gz": gzipSync(rows.join("\n")) }),
    );
    expect(train.exampleShape).toEqual([8, 8, 1]);
    expect(train.labels.length + test.labels.length).toBe(20);
    expect(Math.max(...train.x)).toBe(1);
  });

  it("spambase has 57 named features", async () => {
    const rows = Array.from({ length: 10 }, (_, i) =>
      [...Array.from({ length: 57 }, (_, f) => f + i), i % 2].join(","),
    );
    const { train } = await spambase.load(
      { testFraction: 0.2, splitSeed: 0, standardize: false },
      contextServing({ "uci-spambase/spambase.data": rows.join("\n") }),
    );
    expect(train.exampleShape).toEqual([57]);
    expect(train.domain.kind === "tabular" && train.domain.featureNames.length).toBe(57);
    expect(train.domain.kind === "tabular" && train.domain.featureNames.at(-1)).toBe("capital_run_length_total");
  });

  it("adult one-hots with train categories, keeps '?', strips the test labels' '.', skips the comment line", async () => {
    const row = (age: number, work: string, label: string) =>
      `${age}, ${work}, 1000, Bachelors, 13, Never-married, ?, Not-in-family, White, Male, 0, 0, 40, United-States, ${label}`;
    const trainCsv = [row(20, "Private", "<=50K"), row(40, "?", ">50K"), row(60, "State-gov", "<=50K")].join("\n");
    const testCsv = ["|1x3 Cross validator", row(30, "Private", ">50K."), row(50, "Never-seen", "<=50K.")].join("\n");
    const { train, test } = await adult.load(
      {},
      contextServing({ "uci-adult/adult.data": trainCsv, "uci-adult/adult.test": testCsv }),
    );
    const names = train.domain.kind === "tabular" ? train.domain.featureNames : [];
    expect(names.filter((n) => n.startsWith("workclass="))).toEqual([
      "workclass=?",
      "workclass=Private",
      "workclass=State-gov",
    ]);
    expect([...train.labels]).toEqual([0, 1, 0]);
    expect([...test.labels]).toEqual([1, 0]);
    const width = names.length;
    const ageAt = (x: Float32Array, i: number) => x[i * width + names.indexOf("age")] as number;
    // Age standardized with train mean 40 and sd 16.33: 20 -> -1.2247, test 30 -> -0.6124.
    expect(ageAt(train.x, 0)).toBeCloseTo(-1.2247, 3);
    expect(ageAt(test.x, 0)).toBeCloseTo(-0.6124, 3);
    // An unseen category encodes as all zeros; a seen one as a single 1.
    const work = (x: Float32Array, i: number) =>
      names.map((n, f) => (n.startsWith("workclass=") ? x[i * width + f] : null)).filter((v) => v !== null);
    expect(work(test.x, 0)).toEqual([0, 1, 0]);
    expect(work(test.x, 1)).toEqual([0, 0, 0]);
  });

  it("adult names the file and row of a malformed label", async () => {
    const bad =
      "20, Private, 1000, Bachelors, 13, Never-married, ?, Not-in-family, White, Male, 0, 0, 40, United-States, maybe";
    await expect(
      adult.load({}, contextServing({ "uci-adult/adult.data": bad, "uci-adult/adult.test": bad })),
    ).rejects.toThrow('uci-adult/adult.data: row 1: label "maybe" is neither <=50K nor >50K');
  });
});
