import { describe, expect, it } from "vitest";
import type { Dataset } from "../datasets/dataset.js";
import { backdoorMetrics } from "../metrics/backdoor-metrics.js";
import { SeededRandom } from "../random/seeded-random.js";
import "../register-builtins.js";
import { poisonDataset } from "./poison-dataset.js";

/** 200 8x8 greyscale images in [0, 0.5), 4 classes of 50. */
function images(seed = 1): Dataset {
  const r = new SeededRandom(seed);
  return {
    name: "tiny-images",
    split: "train",
    x: Float32Array.from({ length: 200 * 64 }, () => r.float() * 0.5),
    exampleShape: [8, 8, 1],
    labels: Int32Array.from({ length: 200 }, (_, i) => i % 4),
    classes: 4,
    classNames: ["a", "b", "c", "d"],
    domain: { kind: "image", min: 0, max: 1 },
    sources: [],
  };
}

const changedExamples = (a: Dataset, b: Dataset) => {
  const size = 64;
  return [...a.labels.keys()].filter((i) =>
    a.x.subarray(i * size, (i + 1) * size).some((v, k) => v !== b.x[i * size + k]),
  );
};

describe.each([
  ["label-flip", {}],
  ["label-flip", { strategy: "class-pair", source: 2, target: 1 }],
  ["badnets", {}],
  ["badnets", { mapping: "all-to-all" }],
  ["blended", { alpha: 0.3 }],
])("%s %j", (name, params) => {
  const clean = images();
  const rate = name === "label-flip" && "source" in params ? 0.2 : 0.1;
  const run = (seed: number) => poisonDataset({ name, ...params }, clean, { rate, seed });

  it("poisons exactly round(rate x N) examples, and the mask says which", () => {
    const { train, mask } = run(1);
    expect(train.labels.length).toBe(200);
    expect(mask.reduce((a, b) => a + b, 0)).toBe(Math.round(rate * 200));
  });

  it("changes labels only where the mask says", () => {
    const { train, mask } = run(1);
    train.labels.forEach((label, i) => {
      if (!mask[i]) expect(label).toBe(clean.labels[i]);
    });
    const flipped = [...train.labels.keys()].filter((i) => train.labels[i] !== clean.labels[i]);
    expect(flipped.length).toBe(mask.reduce((a, b) => a + b, 0));
  });

  it("changes features only where the mask says (and only for backdoors)", () => {
    const { train, mask } = run(1);
    const changed = changedExamples(train, clean);
    if (name === "label-flip") expect(changed).toEqual([]);
    else expect(changed).toEqual([...mask.keys()].filter((i) => mask[i]));
  });

  it("gives the same poison for the same seed and another for another seed", () => {
    expect(Array.from(run(7).mask)).toEqual(Array.from(run(7).mask));
    expect(Array.from(run(7).train.labels)).toEqual(Array.from(run(7).train.labels));
    expect(Array.from(run(7).mask)).not.toEqual(Array.from(run(8).mask));
  });
});

describe("semantics", () => {
  it("BadNets sets the 3x3 bottom-right trigger pixels exactly and relabels to the target", () => {
    const { train, mask, semantics } = poisonDataset({ name: "badnets", target: 3 }, images(), { rate: 0.1, seed: 1 });
    expect(semantics).toEqual({ rate: 0.1, rateOf: "all", mode: "replace", target: 3, mapping: "all-to-one" });
    const i = mask.indexOf(1);
    const px = (r: number, c: number) => train.x[i * 64 + r * 8 + c];
    for (let r = 5; r < 8; r++) for (let c = 5; c < 8; c++) expect(px(r, c)).toBe(1);
    expect(px(4, 7)).toBeLessThan(0.5);
    expect(train.labels[i]).toBe(3);
  });

  it("BadNets all-to-all maps l to (l+1) mod K", () => {
    const clean = images();
    const { train, mask } = poisonDataset({ name: "badnets", mapping: "all-to-all" }, clean, { rate: 0.2, seed: 1 });
    mask.forEach((m, i) => {
      if (m) expect(train.labels[i]).toBe(((clean.labels[i] as number) + 1) % 4);
    });
  });

  it("a custom pattern sets exactly its pixels, by offsets from the bottom-right", () => {
    const pattern = {
      kind: "pattern",
      pixels: [
        [-2, -2, 1],
        [-3, -3, 1],
        [-2, -4, 1],
        [-4, -2, 1],
      ],
    };
    const { train, mask } = poisonDataset({ name: "badnets", trigger: pattern }, images(), { rate: 0.1, seed: 1 });
    const i = mask.indexOf(1);
    for (const [r, c] of [
      [6, 6],
      [5, 5],
      [6, 4],
      [4, 6],
    ] as const)
      expect(train.x[i * 64 + r * 8 + c]).toBe(1);
  });

  it("append mode adds poisoned copies after the clean set", () => {
    const clean = images();
    const { train, mask } = poisonDataset({ name: "badnets", mode: "append" }, clean, { rate: 0.1, seed: 1 });
    expect(train.labels.length).toBe(220);
    expect(Array.from(mask.subarray(0, 200)).every((m) => m === 0)).toBe(true);
    expect(Array.from(mask.subarray(200)).every((m) => m === 1)).toBe(true);
    expect(Array.from(train.x.subarray(0, 200 * 64))).toEqual(Array.from(clean.x));
  });

  it("blends the pattern at alpha", () => {
    const clean = images();
    const { train, mask } = poisonDataset(
      { name: "blended", alpha: 0.2, pattern: { kind: "image", values: new Array(64).fill(1) } },
      clean,
      { rate: 0.1, seed: 1 },
    );
    const i = mask.indexOf(1);
    expect(train.x[i * 64 + 10]).toBeCloseTo(0.8 * (clean.x[i * 64 + 10] as number) + 0.2, 6);
  });

  it("random flips always pick another class", () => {
    const clean = images();
    const { train, mask } = poisonDataset("label-flip", clean, { rate: 0.5, seed: 3 });
    mask.forEach((m, i) => {
      if (m) expect(train.labels[i]).not.toBe(clean.labels[i]);
    });
  });
});

describe("backdoor metrics", () => {
  it("computes ASR and robust accuracy over non-target test examples with the trigger applied", () => {
    const test = images(2);
    const { trigger, semantics } = poisonDataset({ name: "badnets", target: 0 }, images(), { rate: 0.1, seed: 1 });
    // A "model" that predicts the target whenever the bottom-right pixel is white, else the truth.
    const predict = (d: { x: Float32Array }) =>
      Int32Array.from({ length: d.x.length / 64 }, (_, i) => (d.x[i * 64 + 63] === 1 ? 0 : (test.labels[i] as number)));
    // Only ever used on clean inputs in the right order, or on the triggered population.
    const m = backdoorMetrics(
      (d) =>
        d.x === test.x
          ? predict(d)
          : Int32Array.from({ length: d.x.length / 64 }, (_, i) => (d.x[i * 64 + 63] === 1 ? 0 : 1)),
      test,
      trigger,
      semantics,
    );
    expect(m.cleanAccuracy).toBe(1);
    expect(m.triggeredExamples).toBe(150);
    expect(m.attackSuccessRate).toBe(1);
    expect(m.robustAccuracy).toBe(0);
  });
});

describe("bad input names the field", () => {
  it.each([
    [{ name: "badnets" }, 1, "attack.rate: expected a number in [0, 1), got 1"],
    [{ name: "badnets" }, -0.1, "attack.rate: expected a number in [0, 1), got -0.1"],
    [{ name: "badnets", target: 7 }, 0.1, "attack.target: tiny-images has classes 0..3 (a, b, c, d), got 7"],
    [
      { name: "badnets", trigger: { kind: "patch", size: 9 } },
      0.1,
      "attack.trigger.size: a 9x9 trigger with margin 0 does not fit a 8x8 image",
    ],
    [
      { name: "badnets", trigger: { kind: "pattern", pixels: [[-9, -1, 1]] } },
      0.1,
      "attack.trigger.pixels: offset (-9, -1) falls outside a 8x8 image",
    ],
    [{ name: "blended", alpha: 2 }, 0.1, "attack.alpha: Too big: expected number to be <=1, got 2"],
    [{ name: "badnet" }, 0.1, 'attack.name: unknown attack "badnet"; did you mean "badnets"?'],
  ])("%j at rate %s", (spec, rate, message) => {
    expect(() => poisonDataset(spec, images(), { rate, seed: 1 })).toThrow(message);
  });

  it("refuses an image attack on tabular data", () => {
    const tabular: Dataset = { ...images(), exampleShape: [64], domain: { kind: "tabular", featureNames: [] } };
    expect(() => poisonDataset("badnets", tabular, { rate: 0.1, seed: 1 })).toThrow(
      "attack: badnets works on image data; tiny-images is tabular",
    );
  });
});

describe("clean-label and tabular attacks", () => {
  it("SIG poisons only target-class images, keeps every label, and bounds the change by delta", () => {
    const clean = images();
    const { train, mask, semantics, trigger } = poisonDataset({ name: "sig", target: 2 }, clean, {
      rate: 0.2,
      seed: 1,
    });
    expect(semantics.rateOf).toBe("targetClass");
    expect(mask.reduce((a, b) => a + b, 0)).toBe(10); // 20% of the 50 target-class images
    expect(Array.from(train.labels)).toEqual(Array.from(clean.labels));
    mask.forEach((m, i) => {
      if (m) expect(clean.labels[i]).toBe(2);
    });
    let maxChange = 0;
    for (let i = 0; i < clean.x.length; i++)
      maxChange = Math.max(maxChange, Math.abs((train.x[i] as number) - (clean.x[i] as number)));
    expect(maxChange).toBeLessThanOrEqual(20 / 255 + 1e-6);
    expect(maxChange).toBeGreaterThan(0.9 * (20 / 255));
    const probe = new Float32Array(64).fill(0.5);
    trigger?.(probe, [8, 8, 1]);
    expect(probe[0]).toBeCloseTo(0.5, 6); // sin(0) = 0 in the first column
  });

  it("the tabular backdoor sets the chosen features out of range on poisoned rows only", () => {
    const r = new SeededRandom(4);
    const rows: Dataset = {
      ...images(),
      x: Float32Array.from({ length: 200 * 6 }, () => r.normal()),
      exampleShape: [6],
      domain: { kind: "tabular", featureNames: ["a", "b", "c", "d", "e", "f"] },
    };
    const { train, mask, trigger } = poisonDataset({ name: "tabular-backdoor", features: ["b", 4], target: 1 }, rows, {
      rate: 0.1,
      seed: 1,
    });
    const max = (f: number) => Math.max(...Array.from({ length: 200 }, (_, i) => rows.x[i * 6 + f] as number));
    mask.forEach((m, i) => {
      if (m) {
        expect(train.x[i * 6 + 1]).toBeGreaterThan(max(1));
        expect(train.x[i * 6 + 4]).toBeGreaterThan(max(4));
        expect(train.x[i * 6]).toBe(rows.x[i * 6]);
        expect(train.labels[i]).toBe(1);
      }
    });
    const probe = new Float32Array(6);
    trigger?.(probe, [6]);
    expect(probe[1]).toBe(train.x[mask.indexOf(1) * 6 + 1]);
    expect(() => poisonDataset({ name: "tabular-backdoor", features: ["zz"] }, rows, { rate: 0.1, seed: 1 })).toThrow(
      'attack.features[0]: "zz" is not a feature of tiny-images (0..5 or a feature name)',
    );
  });
});
