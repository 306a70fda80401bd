import { describe, expect, it } from "vitest";
import { deriveSeed, SeededRandom } from "./seeded-random.js";

describe("SeededRandom", () => {
  it("repeats exactly for the same seed and differs for another", () => {
    const draw = (seed: number) => {
      const r = new SeededRandom(seed);
      return [r.uint32(), r.float(), r.int(10), r.normal()];
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("draws uniform integers without bias", () => {
    const r = new SeededRandom(1);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[r.int(7)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400); // ~4 sd
  });

  it("draws floats in [0, 1) with mean 1/2 and normals with mean 0, variance 1", () => {
    const r = new SeededRandom(2);
    let sum = 0;
    let min = 1;
    let max = 0;
    let nSum = 0;
    let nSq = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const f = r.float();
      sum += f;
      min = Math.min(min, f);
      max = Math.max(max, f);
      const z = r.normal();
      nSum += z;
      nSq += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(nSum / n).toBeCloseTo(0, 1);
    expect(nSq / n).toBeCloseTo(1, 1);
  });

  it("permutes every index exactly once", () => {
    const p = new SeededRandom(3).permutation(1000);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it("forks independent streams by label", () => {
    const a = new SeededRandom(5).fork("init").uint32();
    const b = new SeededRandom(5).fork("shuffle").uint32();
    expect(a).not.toBe(b);
    expect(new SeededRandom(5).fork("init").uint32()).toBe(a);
    expect(deriveSeed(5, "init")).toBeGreaterThanOrEqual(0);
  });

  it("rejects a non-integer seed, naming it", () => {
    expect(() => new SeededRandom(1.5)).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: seed must be an integer, got 1.5]`,
    );
  });
});
