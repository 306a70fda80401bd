/**
 * The statistics against reference values: R's documented outputs on its `sleep` data (Student's
 * 1908 data, as printed in R's ?t.test and ?wilcox.test examples), and values worked by hand.
 */
import { describe, expect, it } from "vitest";
import { bootstrapInterval } from "./bootstrap-interval.js";
import { friedmanTest } from "./friedman-test.js";
import { holmAdjust } from "./holm.js";
import { intervalRanks } from "./interval-ranks.js";
import { pairedTTest } from "./paired-t-test.js";
import { wilcoxonSignedRank } from "./wilcoxon-signed-rank.js";

// R: sleep$extra, group 1 and group 2 (the same ten patients).
const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe("paired t-test", () => {
  it("matches R: t.test(extra ~ group, data = sleep, paired = TRUE) gives t = -4.0621, df = 9, p = 0.002833", () => {
    const t = pairedTTest(group1, group2);
    expect(t.statistic).toBeCloseTo(-4.0621, 4);
    expect(t.df).toBe(9);
    expect(t.p).toBeCloseTo(0.002833, 6);
    expect(t.meanDifference).toBeCloseTo(-1.58, 10);
  });
});

describe("Wilcoxon signed-rank test", () => {
  it("matches R on sleep (ties and a zero difference: normal approximation): V = 0, p = 0.009091", () => {
    const w = wilcoxonSignedRank(group1, group2);
    expect(w.statistic).toBe(0);
    expect(w.n).toBe(9);
    expect(w.exact).toBe(false);
    expect(w.p).toBeCloseTo(0.009091, 5);
  });

  it("is exact without ties: five positive differences have p = 2/32", () => {
    const w = wilcoxonSignedRank([2, 3, 4, 5, 6], [1, 1, 1, 1, 1]);
    expect(w).toEqual({ statistic: 15, p: 2 / 32, n: 5, exact: true });
    // Ranks 1..4 positive, 5 negative: V = 10. P(V >= 10) = P(V <= 5): the subsets of {1..5}
    // summing to at most 5 are {}, {1}..{5}, {1,2}, {1,3}, {1,4}, {2,3}: 10 of 32; two-sided 20/32.
    expect(wilcoxonSignedRank([1.1, 1.2, 1.3, 1.4, -1.5], [0, 0, 0, 0, 0]).p).toBeCloseTo(20 / 32, 12);
  });
});

describe("Holm correction", () => {
  it("steps down as R's p.adjust(method = 'holm')", () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.06.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted.map((v) => Number(v.toFixed(12)))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1]);
  });
});

describe("Friedman test", () => {
  it("gives chi^2 = 8, p = exp(-4) when four blocks rank three treatments alike", () => {
    // Rank sums 4, 8, 12: 12 / (4 * 3 * 4) * (16 + 64 + 144) - 3 * 4 * 4 = 8; chi^2 with 2 df: p = e^-4.
    const f = friedmanTest([
      [0.9, 0.8, 0.7],
      [0.95, 0.85, 0.6],
      [0.7, 0.5, 0.4],
      [0.99, 0.98, 0.97],
    ]);
    expect(f.statistic).toBeCloseTo(8, 12);
    expect(f.df).toBe(2);
    expect(f.p).toBeCloseTo(Math.exp(-4), 10);
    expect(f.meanRanks).toEqual([1, 2, 3]);
    // Lower is better (ASR): the order flips.
    expect(friedmanTest([[1, 2, 3]], false).meanRanks).toEqual([1, 2, 3]);
  });

  it("corrects for ties as R does", () => {
    // One block fully tied: its ranks are all 2; rank sums 1+2, 2+2, 3+2 = 3, 4, 5 over n = 2.
    // Raw: 12/(2*3*4) * (9 + 16 + 25) - 3*2*4 = 1; tie term 1 - 24/(2*24) = 0.5; statistic 2.
    const f = friedmanTest([
      [3, 2, 1],
      [5, 5, 5],
    ]);
    expect(f.statistic).toBeCloseTo(2, 12);
  });
});

describe("ranks with ties where intervals overlap", () => {
  it("shares a rank unless one interval lies wholly above another", () => {
    const ranks = intervalRanks([
      { mean: 0.9, ciLow: 0.85, ciHigh: 0.95 },
      { mean: 0.86, ciLow: 0.8, ciHigh: 0.92 },
      { mean: 0.7, ciLow: 0.65, ciHigh: 0.75 },
    ]);
    expect(ranks).toEqual([1, 1, 3]);
  });
});

describe("bootstrap interval", () => {
  it("is reproducible per seed, contains the mean, and narrows with more seeds' values", () => {
    const values = [0.91, 0.93, 0.9, 0.95, 0.92];
    const a = bootstrapInterval(values, { seed: 3 });
    expect(bootstrapInterval(values, { seed: 3 })).toEqual(a);
    expect(a.low).toBeLessThanOrEqual(0.922);
    expect(a.high).toBeGreaterThanOrEqual(0.922);
    expect(a.low).toBeGreaterThanOrEqual(0.9);
    const wide = bootstrapInterval([0.9, 0.95], { seed: 3 });
    const narrow = bootstrapInterval([0.9, 0.95, 0.9, 0.95, 0.9, 0.95, 0.9, 0.95], { seed: 3 });
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });
});
