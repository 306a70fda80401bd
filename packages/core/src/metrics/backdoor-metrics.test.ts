import { describe, expect, it } from "vitest";
import type { Dataset } from "../datasets/dataset.js";
import { backdoorMetrics } from "./backdoor-metrics.js";

// Six one-pixel "images" of classes 0, 1, 2, twice each; the trigger sets the pixel to 9.
const test: Dataset = {
  name: "t",
  split: "test",
  classNames: ["a", "b", "c"],
  domain: { kind: "image", min: 0, max: 9 },
  sources: [],
  x: Float32Array.from([0, 0, 1, 1, 2, 2]),
  exampleShape: [1, 1, 1],
  labels: Int32Array.from([0, 0, 1, 1, 2, 2]),
  classes: 3,
};
const trigger = (x: Float32Array) => {
  x.fill(9);
};

describe("backdoor metrics", () => {
  it("give the ASR of each source class beside the overall one", () => {
    // The model answers 0 for every triggered input of class 1, and for one of the two of class 2.
    let call = 0;
    const predict = ({ x }: { x: Float32Array }) => {
      call++;
      if (call === 1) return Int32Array.from(x, (v) => v); // clean: correct
      return Int32Array.from([0, 0, 0, 2]); // triggered population: classes 1, 1, 2, 2
    };
    const m = backdoorMetrics(predict, test, trigger, { target: 0, mapping: "all-to-one" });
    expect(m.cleanAccuracy).toBe(1);
    expect(m.attackSuccessRate).toBe(3 / 4);
    expect(m.robustAccuracy).toBe(1 / 4);
    expect([...(m.attackSuccessBySource ?? [])]).toEqual([
      [1, 1],
      [2, 0.5],
    ]);
  });
});
