/**
 * The data behind a compare page (two defenses, or two attacks, in every setting they share, for
 * attack success rate and clean accuracy, as `hemlock compare A B` computes it), from one comparer
 * per axis and metric that reads the store once and is remembered until it changes: over a
 * 100k-cell store a pair costs milliseconds. The per-setting results travel packed; the page shows
 * one dataset and model of them at a time, with a summary per dataset and model above.
 */
import type { CompareAxis, SettingComparison } from "@hemlock/store/reports";
import { hemlockStore } from "./hemlock-store";
import { type PackedRecords, packRecords } from "./packed-records";
import { isStoreProblem, type StoreProblem, storePath } from "./results-store";
import { cachedRead } from "./store-cache";

const METRICS = ["attackSuccessRate", "cleanAccuracy"];

/** One setting of a comparison, flat, for packing. */
export interface ComparedSetting {
  dataset: string;
  model: string;
  /** The attack when defenses are compared, the defense when attacks are. */
  shared: string;
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
  shared: s.shared,
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
  better: s.better === "a" ? s.labelA : s.better === "b" ? s.labelB : "",
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

export interface CompareData {
  axis: CompareAxis;
  metrics: MetricComparison[];
}

/** undefined when the names are not two defenses nor two attacks of the store. */
export async function compareData(
  a: string,
  b: string,
  path = storePath(),
): Promise<CompareData | StoreProblem | undefined> {
  const h = await hemlockStore();
  const names = await cachedRead("comparable-names", (store) => h.comparableNames(store), path);
  if (isStoreProblem(names)) return names;
  const axis = h.compareAxisOf(names, a, b);
  if (!axis) return undefined;
  const out: MetricComparison[] = [];
  for (const metric of METRICS) {
    const compare = await cachedRead(
      `comparer:${axis}:${metric}`,
      (store) => (h.metricNames(store).includes(metric) ? h.pluginComparer(store, { metric, axis }) : undefined),
      path,
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
          "shared",
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
  return { axis, metrics: out };
}
