import { describe, expect, it } from "vitest";
import { stratifiedSplit, stratifiedSubset } from "./stratified-indices.js";

// 60 of class 0, 30 of class 1, 10 of class 2.
const labels = Int32Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : i < 90 ? 1 : 2));
const countBy = (idx: Int32Array) => [0, 1, 2].map((c) => [...idx].filter((i) => labels[i] === c).length);

describe("stratifiedSubset", () => {
  it("takes exactly n, proportionally per class, in ascending order", () => {
    const s = stratifiedSubset(labels, 20, 1);
    expect(s.length).toBe(20);
    expect(countBy(s)).toEqual([12, 6, 2]);
    expect([...s]).toEqual([...s].sort((a, b) => a - b));
  });

  it("settles rounding by largest remainder so sizes are exact", () => {
    expect(countBy(stratifiedSubset(labels, 7, 1))).toEqual([4, 2, 1]); // 4.2, 2.1, 0.7
  });

  it("is seeded", () => {
    expect([...stratifiedSubset(labels, 20, 5)]).toEqual([...stratifiedSubset(labels, 20, 5)]);
    expect([...stratifiedSubset(labels, 20, 5)]).not.toEqual([...stratifiedSubset(labels, 20, 6)]);
  });

  it("rejects sizes outside 1..N", () => {
    expect(() => stratifiedSubset(labels, 101, 0)).toThrow("subset must be an integer from 1 to 100, got 101");
  });
});

describe("stratifiedSplit", () => {
  it("partitions every index once, with testFraction of each class in test", () => {
    const { train, test } = stratifiedSplit(labels, 0.3, 0);
    expect(train.length + test.length).toBe(100);
    expect(new Set([...train, ...test]).size).toBe(100);
    expect(countBy(test)).toEqual([18, 9, 3]);
  });
});
