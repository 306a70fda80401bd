/**
 * The data behind a compare page (two defenses in every setting they share, for attack success
 * rate and clean accuracy, as `hemlock compare A B` computes it), from one comparer per metric
 * that reads the store once and is remembered until it changes: over a 100k-cell store a pair
 * costs milliseconds. The per-setting results travel packed; the page shows one dataset and model
 * of them at a time, with a summary per dataset and model above.
 */
import type { SettingComparison } from "@hemlock/store";
import { hemlockStore } from "./hemlock-store";
import { cachedLeaderboard } from "./leaderboard-data";
import { type PackedRecords, packRecords } from "./packed-records";
import { isStoreProblem, type StoreProblem } from "./results-store";
import { pluginName } from "./site-paths";
import { cachedRead } from "./store-cache";

const METRICS = ["attackSuccessRate", "cleanAccuracy"];

/** One setting of a comparison, flat, for packing. */
export interface ComparedSetting {
  dataset: string;
  model: string;
  attack: string;
  rate: number;
  n: number;
  meanA: number;
  meanB: number;
  meanDifference: number;
  ciLow: number;
  ciHigh: number;
  tP: number;
  wilcoxonP: number;
  pAdjusted: number;
  better: string;
}

export interface PairSummary {
  dataset: string;
  model: string;
  a: number;
  b: number;
  ties: number;
}

export type MetricComparison =
  | { metric: string; problem: string }
  | {
      metric: string;
      higherIsBetter: boolean;
      alpha: number;
      wins: { a: number; b: number; ties: number };
      overall?: { statistic: number; p: number; n: number };
      pairs: PairSummary[];
      settings: PackedRecords;
    };

const flat = (s: SettingComparison): ComparedSetting => ({
  dataset: s.dataset,
  model: s.model,
  attack: s.attack,
  rate: s.rate,
  n: s.seeds.length,
  meanA: s.meanA,
  meanB: s.meanB,
  meanDifference: s.meanDifference,
  ciLow: s.t.ciLow,
  ciHigh: s.t.ciHigh,
  tP: s.t.p,
  wilcoxonP: s.wilcoxon.p,
  pAdjusted: s.pAdjusted,
  // The label of the better side in this setting (a variant, when the defense has several).
  better: s.better === "a" ? s.defenseA : s.better === "b" ? s.defenseB : "",
});

function pairSummaries(settings: readonly SettingComparison[]): PairSummary[] {
  const out = new Map<string, PairSummary>();
  for (const s of settings) {
    const key = `${s.dataset}\u0000${s.model}`;
    const p = out.get(key) ?? { dataset: s.dataset, model: s.model, a: 0, b: 0, ties: 0 };
    p[s.better === "tie" ? "ties" : s.better]++;
    out.set(key, p);
  }
  return [...out.values()];
}

/** undefined when either name is no defense of the store. */
export async function compareData(a: string, b: string): Promise<MetricComparison[] | StoreProblem | undefined> {
  const h = await hemlockStore();
  const board = await cachedLeaderboard("cleanAccuracy");
  if (isStoreProblem(board)) return board;
  const known = new Set(board.known ? board.board.rows.map((r) => pluginName(r.defense)) : []);
  if (!known.has(a) || !known.has(b)) return undefined;
  const out: MetricComparison[] = [];
  for (const metric of METRICS) {
    const compare = await cachedRead(`comparer:${metric}`, (store) =>
      h.metricNames(store).includes(metric) ? h.defenseComparer(store, { metric }) : undefined,
    );
    if (isStoreProblem(compare)) return compare;
    if (!compare) continue;
    try {
      const result = compare(a, b);
      out.push({
        metric,
        higherIsBetter: result.higherIsBetter,
        alpha: result.alpha,
        wins: result.wins,
        ...(result.overall ? { overall: result.overall } : {}),
        pairs: pairSummaries(result.settings),
        settings: packRecords(result.settings.map(flat), [
          "dataset",
          "model",
          "attack",
          "rate",
          "n",
          "meanA",
          "meanB",
          "meanDifference",
          "ciLow",
          "ciHigh",
          "tP",
          "wilcoxonP",
          "pAdjusted",
          "better",
        ]),
      });
    } catch (error) {
      out.push({
        metric,
        problem: [(error as Error).message, (error as { hint?: string }).hint].filter(Boolean).join(" "),
      });
    }
  }
  return out;
}
