/** The arrangements behind the tables and charts: best marks by direction, label clashes, LaTeX escapes, Pareto fronts. */
import type { LeaderboardRow } from "@hemlock/store";
import { latexEscape, paretoPoints, resultTables } from "@hemlock/store/portable";
import { describe, expect, it } from "vitest";

const row = (over: Partial<LeaderboardRow>): LeaderboardRow => ({
  dataset: "digits",
  model: "mlp",
  attack: "badnets",
  rate: 0.1,
  defense: "none",
  metric: "attackSuccessRate",
  mean: 0.5,
  sd: 0,
  n: 3,
  ciLow: 0.5,
  ciHigh: 0.5,
  setting: `${over.defense ?? "none"}/${over.rate ?? 0.1}`,
  comparison: "c",
  ...over,
});

describe("result tables", () => {
  it("mark the lowest ASR and the highest accuracy per block and rate, and nothing for directionless metrics", () => {
    const rows = [
      row({ defense: "none", mean: 0.9 }),
      row({ defense: "strip", mean: 0.2 }),
      row({ defense: "none", metric: "cleanAccuracy", mean: 0.95 }),
      row({ defense: "strip", metric: "cleanAccuracy", mean: 0.9 }),
      row({ defense: "none", metric: "removed", mean: 10 }),
      row({ defense: "strip", metric: "removed", mean: 20 }),
    ];
    const [asr, accuracy, passes] = resultTables(rows, ["attackSuccessRate", "cleanAccuracy", "removed"]);
    const best = (t: typeof asr) => t?.blocks[0]?.rows.map((r) => [r.defense, r.cells[0]?.best]);
    expect(best(asr)).toEqual([
      ["none", false],
      ["strip", true],
    ]);
    expect(best(accuracy)).toEqual([
      ["none", true],
      ["strip", false],
    ]);
    expect(best(passes)).toEqual([
      ["none", false],
      ["strip", false],
    ]);
  });

  it("tell apart settings that share every label by their setting key", () => {
    const rows = [row({ setting: "aaaaaaaa1111" }), row({ setting: "bbbbbbbb2222", mean: 0.4 })];
    const [table] = resultTables(rows, ["attackSuccessRate"]);
    expect(table?.blocks[0]?.rows.map((r) => r.defense)).toEqual(["none [aaaaaaaa]", "none [bbbbbbbb]"]);
  });
});

describe("LaTeX escaping", () => {
  it("escapes TeX's special characters in labels", () => {
    expect(latexEscape("a_b & 5% #1 {x} $y ~^\\")).toBe(
      "a\\_b \\& 5\\% \\#1 \\{x\\} \\$y \\textasciitilde{}\\textasciicircum{}\\textbackslash{}",
    );
  });
});

describe("Pareto fronts", () => {
  it("keep the defenses no other beats on both clean accuracy and ASR, per setting", () => {
    const pair = (defense: string, accuracy: number, asr: number, rate = 0.1) => [
      row({ defense, rate, metric: "cleanAccuracy", mean: accuracy, ciLow: accuracy, ciHigh: accuracy }),
      row({ defense, rate, metric: "attackSuccessRate", mean: asr, ciLow: asr, ciHigh: asr }),
    ];
    const points = paretoPoints([
      ...pair("none", 0.97, 0.99),
      ...pair("a", 0.96, 0.1),
      ...pair("b", 0.9, 0.05),
      ...pair("c", 0.89, 0.2), // beaten by b on both
      ...pair("d", 0.97, 0.99, 0.2), // alone in its setting
    ]);
    expect(points.map((p) => [p.defense, p.front])).toEqual([
      ["c", false],
      ["b", true],
      ["a", true],
      ["none", true],
      ["d", true],
    ]);
    expect(points.find((p) => p.defense === "a")).toMatchObject({ accuracy: 96, asr: 10 });
  });
});
