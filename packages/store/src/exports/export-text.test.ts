import { describe, expect, it } from "vitest";
import type { LeaderboardRow } from "../queries/leaderboard.js";
import { exportText } from "./export-text.js";

const row = (over: Partial<LeaderboardRow>): LeaderboardRow => ({
  dataset: "digits",
  model: "mlp",
  attack: "badnets",
  rate: 0.1,
  defense: "none",
  metric: "attackSuccessRate",
  mean: 0.5,
  sd: 0.1,
  n: 3,
  ciLow: 0.4,
  ciHigh: 0.6,
  setting: "s-none",
  comparison: "c",
  ...over,
});

describe("export formats", () => {
  const rows = [row({}), row({ defense: "strip", setting: "s-strip", mean: 0.2, ciLow: 0.1, ciHigh: 0.3, n: 2 })];

  it("give the range of seed counts in a table's caption, not the largest", () => {
    expect(exportText(rows, "markdown", ["attackSuccessRate"])).toContain("Mean ± 95% CI over seeds (n = 2–3)");
    expect(exportText(rows, "latex", ["attackSuccessRate"])).toContain("95\\% CI over seeds (n = 2–3).");
    expect(exportText([row({})], "markdown", ["attackSuccessRate"])).toContain("(n = 3)");
  });

  it("write CSV with a header and one line per row, and JSON as the rows", () => {
    const csv = exportText(rows, "csv", ["attackSuccessRate"]).trim().split("\n");
    expect(csv[0]).toBe("dataset,model,attack,rate,defense,metric,mean,sd,n,ci_low,ci_high,setting");
    expect(csv[2]).toBe("digits,mlp,badnets,0.1,strip,attackSuccessRate,0.2,0.1,2,0.1,0.3,s-strip");
    expect(JSON.parse(exportText(rows, "json", []))).toEqual(rows);
  });

  it("bold the best (lowest ASR) in the publication tables", () => {
    expect(exportText(rows, "markdown", ["attackSuccessRate"])).toContain(
      "| mlp | badnets | strip | **20.0 ± 10.0** |",
    );
  });
});
