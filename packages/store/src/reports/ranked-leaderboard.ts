/**
 * Defenses ranked within each setting they share (same dataset, model, training, attack, rate and
 * holdout; only the defense differs): by mean over seeds in the metric's better direction, with
 * interval ranks (overlapping 95% intervals, t or bootstrap, share a rank) and, for every defense but the best, a
 * paired test across seeds against the best, Holm-corrected over the defenses of the setting.
 */
import { metricDirection } from "@hemlock/core/portable";
import type { Store } from "../database/open-store.js";
import { groupBy } from "../queries/group-by.js";
import { type CellFilter, type LeaderboardRow, leaderboard } from "../queries/leaderboard.js";
import { pairBySeed, seedValues } from "../queries/seed-values.js";
import { bootstrapInterval } from "../statistics/bootstrap-interval.js";
import { holmAdjust } from "../statistics/holm.js";
import { intervalRanks } from "../statistics/interval-ranks.js";
import { pairedTTest } from "../statistics/paired-t-test.js";
import { wilcoxonSignedRank } from "../statistics/wilcoxon-signed-rank.js";

export type PairedTestName = "t" | "wilcoxon";

export interface VersusBest {
  /** Seeds both were measured on. */
  n: number;
  /** This defense's mean minus the best's, over the shared seeds. */
  meanDifference: number;
  p: number;
  /** Holm-adjusted over the setting's defenses. */
  pAdjusted: number;
  significant: boolean;
}

export interface RankedEntry extends LeaderboardRow {
  rank: number;
  best: boolean;
  /** Absent for the best, and where fewer than two seeds are shared. */
  versusBest?: VersusBest;
}

export interface RankedSetting {
  dataset: string;
  model: string;
  attack: string;
  rate: number;
  metric: string;
  higherIsBetter: boolean;
  entries: RankedEntry[];
}

export interface RankOptions extends CellFilter {
  metric: string;
  test?: PairedTestName;
  alpha?: number;
  /** The 95% interval: Student t (default) or the seeded percentile bootstrap over seeds. */
  interval?: "t" | "bootstrap";
}

export function rankDefenses(store: Store, options: RankOptions): RankedSetting[] {
  const { metric, test = "t", alpha = 0.05, interval = "t", ...filter } = options;
  const higherIsBetter = metricDirection(metric) !== "lower";
  const values = groupBy(seedValues(store, metric, filter), (v) => v.setting);
  const rows = leaderboard(store, { ...filter, metrics: [metric] }).map((row) => {
    if (interval === "t") return row;
    const { low, high } = bootstrapInterval((values.get(row.setting) ?? []).map((v) => v.value));
    return { ...row, ciLow: low, ciHigh: high };
  });
  const settings = groupBy(rows, (r) => r.comparison || [r.dataset, r.model, r.attack, r.rate].join("\u0000"));
  return [...settings.values()].map((group) => {
    const sorted = [...group].sort((a, b) => byBoardOrder(a, b, higherIsBetter));
    const ranks = intervalRanks(sorted, higherIsBetter);
    const best = sorted[0] as LeaderboardRow;
    const tests = sorted.map((row, i) => {
      if (i === 0) return undefined;
      const { x, y } = pairBySeed(values.get(row.setting) ?? [], values.get(best.setting) ?? []);
      if (x.length < 2) return undefined;
      const result = test === "t" ? pairedTTest(x, y) : wilcoxonSignedRank(x, y);
      return { n: x.length, meanDifference: mean(x) - mean(y), p: result.p };
    });
    const tested = tests.flatMap((t, i) => (t ? [i] : []));
    const adjusted = holmAdjust(tested.map((i) => (tests[i] as { p: number }).p));
    return {
      dataset: best.dataset,
      model: best.model,
      attack: best.attack,
      rate: best.rate,
      metric,
      higherIsBetter,
      entries: sorted.map((row, i) => {
        const t = tests[i];
        const at = tested.indexOf(i);
        const pAdjusted = adjusted[at] as number;
        return {
          ...row,
          rank: ranks[i] as number,
          best: i === 0,
          ...(t ? { versusBest: { ...t, pAdjusted, significant: pAdjusted < alpha } } : {}),
        };
      }),
    };
  });
}

/**
 * Leaderboard order within a setting: the better mean first; equal means (two perfect filters at
 * 0% ASR) by the narrower 95% interval, then by more seeds, then by label, so a displayed tie is
 * broken by a stated rule and the order never depends on the order rows were read.
 */
export function byBoardOrder(a: LeaderboardRow, b: LeaderboardRow, higherIsBetter: boolean): number {
  return (
    (higherIsBetter ? b.mean - a.mean : a.mean - b.mean) ||
    a.ciHigh - a.ciLow - (b.ciHigh - b.ciLow) ||
    b.n - a.n ||
    (a.defense < b.defense ? -1 : a.defense > b.defense ? 1 : 0)
  );
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
