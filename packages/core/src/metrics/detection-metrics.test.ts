import { describe, expect, it } from "vitest";
import { defenseEffectivenessRate } from "./defense-metrics.js";
import { auroc, detectionMetrics, tprAtFpr } from "./detection-metrics.js";

describe("detection metrics on a hand-made example", () => {
  // 4 poisons, 6 clean. Flags: 3 of the poisons and 1 clean example.
  const mask = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
  const flagged = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0];
  const scores = [0.9, 0.8, 0.7, 0.2, 0.75, 0.3, 0.1, 0.05, 0.2, 0.0];

  it("counts the confusion matrix and its ratios", () => {
    const m = detectionMetrics(scores, flagged, mask);
    expect([m.truePositives, m.falsePositives, m.trueNegatives, m.falseNegatives]).toEqual([3, 1, 5, 1]);
    expect(m.tpr).toBe(0.75);
    expect(m.recall).toBe(0.75);
    expect(m.fpr).toBeCloseTo(1 / 6, 12);
    expect(m.precision).toBe(0.75);
    expect(m.f1).toBe(0.75);
    expect(m.accuracy).toBe(0.8);
  });

  it("computes AUROC by ranks, ties counting half", () => {
    // Poison scores 0.9, 0.8, 0.7, 0.2 against clean 0.75, 0.3, 0.1, 0.05, 0.2, 0.0: of the 24 pairs
    // the poison wins 6 + 6 + 5 + 3, and 0.2 ties once (half a win): 20.5 / 24.
    expect(auroc(scores, mask)).toBeCloseTo(20.5 / 24, 12);
    expect(auroc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auroc([1, 1, 1, 1], [0, 0, 1, 1])).toBe(0.5);
  });

  it("gives the TPR at 5% FPR from the scores", () => {
    // 6 clean: floor(0.3) = 0 false positives allowed, so flag only above the top clean score 0.75.
    expect(tprAtFpr(scores, mask, 0.05)).toBe(0.5);
    // 20% allows one false positive (above 0.3): poisons 0.9, 0.8, 0.7 pass.
    expect(tprAtFpr(scores, mask, 0.2)).toBe(0.75);
  });

  it("reports undefined ratios as NaN, not 0 or 1", () => {
    const m = detectionMetrics([0.1, 0.2], [0, 0], [0, 0]);
    expect(m.recall).toBeNaN();
    expect(m.precision).toBeNaN();
    expect(m.auroc).toBeNaN();
    expect(m.fpr).toBe(0);
  });
});

describe("the defense effectiveness rate (BackdoorBench)", () => {
  it("is 1 for a free, complete removal, 0.5 for no change, and charges accuracy lost", () => {
    expect(defenseEffectivenessRate({ asr: 1, accuracy: 0.9 }, { asr: 0, accuracy: 0.9 })).toBe(1);
    expect(defenseEffectivenessRate({ asr: 0.8, accuracy: 0.9 }, { asr: 0.8, accuracy: 0.9 })).toBe(0.5);
    expect(defenseEffectivenessRate({ asr: 0.9, accuracy: 0.9 }, { asr: 0.1, accuracy: 0.7 })).toBeCloseTo(0.8, 12);
    // A defense that raises ASR or accuracy is not rewarded for it.
    expect(defenseEffectivenessRate({ asr: 0.2, accuracy: 0.8 }, { asr: 0.5, accuracy: 0.9 })).toBe(0.5);
  });
});
