/**
 * Two defenses compared in every setting they share (cells that differ only by defense): per
 * setting, both means over the seeds they share, the paired t-test and the Wilcoxon signed-rank
 * test, Holm-corrected over the settings; then wins, losses and ties (a win is a significant
 * difference in the better direction), and one Wilcoxon test over the settings' mean differences.
 */
import { HemlockError, metricDirection } from "@hemlock/core/portable";
import { labelMatches } from "../format/label-match.js";
import type { CellFilter } from "../leaderboard.js";
import { leaderboard } from "../leaderboard.js";
import type { Store } from "../open-store.js";
import { holmAdjust } from "../statistics/holm.js";
import { type PairedTest, pairedTTest } from "../statistics/paired-t-test.js";
import { type SignedRankTest, wilcoxonSignedRank } from "../statistics/wilcoxon-signed-rank.js";
import { groupBy, mean, type PairedTestName } from "./ranked-leaderboard.js";
import { pairBySeed, type SeedValue, seedValues } from "./seed-values.js";

export interface SettingComparison {
  dataset: string;
  model: string;
  attack: string;
  rate: number;
  /** The labels of the two defenses in this setting. */
  defenseA: string;
  defenseB: string;
  seeds: number[];
  meanA: number;
  meanB: number;
  /** meanA - meanB over the shared seeds. */
  meanDifference: number;
  t: PairedTest;
  wilcoxon: SignedRankTest;
  /** The chosen test's p, Holm-adjusted over the settings. */
  pAdjusted: number;
  /** "a" or "b" when the difference is significant, else "tie". */
  better: "a" | "b" | "tie";
}

export interface DefenseComparison {
  metric: string;
  higherIsBetter: boolean;
  test: PairedTestName;
  alpha: number;
  settings: SettingComparison[];
  wins: { a: number; b: number; ties: number };
  /** Over settings: the signed-rank test of meanA against meanB (undefined with no settings). */
  overall?: SignedRankTest;
}

export interface CompareOptions extends Omit<CellFilter, "defense"> {
  a: string;
  b: string;
  metric: string;
  test?: PairedTestName;
  alpha?: number;
}

export function compareDefenses(store: Store, options: CompareOptions): DefenseComparison {
  const { a, b, ...rest } = options;
  return defenseComparer(store, rest)(a, b);
}

/**
 * Reads a metric's rows and per-seed values once, then compares any two defenses from memory: a
 * page per pair of defenses over a 100k-cell store costs a few milliseconds each, not two scans.
 */
export function defenseComparer(
  store: Store,
  options: Omit<CompareOptions, "a" | "b">,
): (a: string, b: string) => DefenseComparison {
  const { metric, test = "t", alpha = 0.05, ...filter } = options;
  const higherIsBetter = metricDirection(metric) !== "lower";
  const values = groupBy(seedValues(store, metric, filter), (v) => v.setting);
  const rows = leaderboard(store, { ...filter, metrics: [metric] }).map((r) => ({
    ...r,
    values: values.get(r.setting) ?? [],
  }));
  const side = (defense: string) =>
    groupBy(
      rows.filter((r) => labelMatches(r.defense, defense)),
      (r) => r.comparison,
    );
  return (a, b) => {
    const left = side(a);
    const right = side(b);
    const shared = [...left.keys()].filter((k) => k !== "" && right.has(k));
    const raw = shared.flatMap((key) => {
      const [x, y] = [only(left.get(key), a), only(right.get(key), b)];
      const paired = pairBySeed(x.values, y.values);
      if (paired.x.length < 2) return [];
      return [
        {
          dataset: x.dataset,
          model: x.model,
          attack: x.attack,
          rate: x.rate,
          defenseA: x.defense,
          defenseB: y.defense,
          seeds: paired.seeds,
          meanA: mean(paired.x),
          meanB: mean(paired.y),
          meanDifference: mean(paired.x) - mean(paired.y),
          t: pairedTTest(paired.x, paired.y),
          wilcoxon: wilcoxonSignedRank(paired.x, paired.y),
        },
      ];
    });
    const adjusted = holmAdjust(raw.map((s) => (test === "t" ? s.t.p : s.wilcoxon.p)));
    const settings = raw
      .map((s, i) => {
        const pAdjusted = adjusted[i] as number;
        const aBetter = higherIsBetter ? s.meanDifference > 0 : s.meanDifference < 0;
        const better: SettingComparison["better"] =
          pAdjusted < alpha && s.meanDifference !== 0 ? (aBetter ? "a" : "b") : "tie";
        return { ...s, pAdjusted, better };
      })
      .sort(
        (p, q) =>
          p.dataset.localeCompare(q.dataset) ||
          p.model.localeCompare(q.model) ||
          p.attack.localeCompare(q.attack) ||
          p.rate - q.rate,
      );
    const count = (which: SettingComparison["better"]) => settings.filter((s) => s.better === which).length;
    return {
      metric,
      higherIsBetter,
      test,
      alpha,
      settings,
      wins: { a: count("a"), b: count("b"), ties: count("tie") },
      ...(settings.length > 0
        ? {
            overall: wilcoxonSignedRank(
              settings.map((s) => s.meanA),
              settings.map((s) => s.meanB),
            ),
          }
        : {}),
    };
  };
}

/** The one variant of a defense in a setting; several (e.g. two epsilons) need the exact label. */
function only<T extends { defense: string; values: SeedValue[] }>(rows: T[] | undefined, asked: string): T {
  const variants = [...new Set((rows ?? []).map((r) => r.defense))];
  if (variants.length !== 1)
    throw new HemlockError(
      "INVALID_ARGUMENT",
      `"${asked}" names ${variants.length} defenses in one setting: ${variants.map((v) => `"${v}"`).join(", ")}`,
      "Pass one of these labels exactly.",
    );
  return (rows as T[])[0] as T;
}
