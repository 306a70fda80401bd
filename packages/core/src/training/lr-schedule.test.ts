import { describe, expect, it } from "vitest";
import { learningRateAt } from "./lr-schedule.js";

describe("learningRateAt", () => {
  it("keeps a constant rate", () => {
    expect(learningRateAt({ name: "constant" }, 0.1, 50, 100, 3)).toBe(0.1);
  });
  it("decays on a cosine from lr to 0", () => {
    expect(learningRateAt({ name: "cosine" }, 0.1, 0, 100, 0)).toBeCloseTo(0.1, 12);
    expect(learningRateAt({ name: "cosine" }, 0.1, 50, 100, 0)).toBeCloseTo(0.05, 12);
    expect(learningRateAt({ name: "cosine" }, 0.1, 100, 100, 0)).toBeCloseTo(0, 12);
  });
  it("steps down by gamma every `every` epochs", () => {
    const step = { name: "step" as const, every: 2, gamma: 0.5 };
    expect([0, 1, 2, 3, 4].map((e) => learningRateAt(step, 0.8, 0, 1, e))).toEqual([0.8, 0.8, 0.4, 0.4, 0.2]);
  });
});
