/**
 * Two defenses, or two attacks, compared in every setting they share (cells that differ only by
 * the defense, or only by the attack, and the seed): per setting, both means over the seeds they
 * share, the paired t-test and the Wilcoxon signed-rank test, Holm-corrected over the settings;
 * then wins, losses and ties (a win is a significant difference in the better direction), and one
 * Wilcoxon test over the settings' means.
 */
import { canonicalJson, HemlockError, metricDirection } from "@hemlock/core/portable";
import { eq, min } from "drizzle-orm";
import type { Store } from "../database/open-store.js";
import { cells } from "../database/schema.js";
import { labelMatches } from "../format/label-match.js";
import { groupBy } from "../queries/group-by.js";
import type { CellFilter } from "../queries/leaderboard.js";
import { leaderboard } from "../queries/leaderboard.js";
import { pairBySeed, type SeedValue, seedValues } from "../queries/seed-values.js";
import { holmAdjust } from "../statistics/holm.js";
import { type PairedTest, pairedTTest } from "../statistics/paired-t-test.js";
import { type SignedRankTest, wilcoxonSignedRank } from "../statistics/wilcoxon-signed-rank.js";
import { mean, type PairedTestName } from "./ranked-leaderboard.js";

/** What two plugins are compared along: the defense (cells that differ only by it) or the attack. */
export type CompareAxis = "defense" | "attack";

export interface SettingComparison {
  dataset: string;
  model: string;
  rate: number;
  /** The setting's label on the other axis: its attack when defenses are compared, else its defense. */
  shared: string;
  /** The labels of A and B in this setting (a variant of the name asked for, e.g. "strip frr=0.1"). */
  labelA: string;
  labelB: string;
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

export interface PluginComparison {
  axis: CompareAxis;
  metric: string;
  higherIsBetter: boolean;
  test: PairedTestName;
  alpha: number;
  settings: SettingComparison[];
  wins: { a: number; b: number; ties: number };
  /** Over settings: the signed-rank test of meanA against meanB (undefined with no settings). */
  overall?: SignedRankTest;
}

export interface CompareOptions extends Omit<CellFilter, "defense" | "attack"> {
  a: string;
  b: string;
  metric: string;
  /** Default "defense". */
  axis?: CompareAxis;
  /** The label on the other axis, to compare in its settings only. */
  shared?: string;
  test?: PairedTestName;
  alpha?: number;
}

export function comparePlugins(store: Store, options: CompareOptions): PluginComparison {
  const { a, b, ...rest } = options;
  return pluginComparer(store, rest)(a, b);
}

/**
 * Reads a metric's rows and per-seed values once, then compares any two defenses (or attacks)
 * from memory: a page per pair over a 100k-cell store costs milliseconds each, not two scans.
 */
export function pluginComparer(
  store: Store,
  options: Omit<CompareOptions, "a" | "b">,
): (a: string, b: string) => PluginComparison {
  const { metric, axis = "defense", shared: sharedLabel, test = "t", alpha = 0.05, ...rest } = options;
  const other = axis === "defense" ? "attack" : "defense";
  const filter: CellFilter = { ...rest, ...(sharedLabel !== undefined ? { [other]: sharedLabel } : {}) };
  const higherIsBetter = metricDirection(metric) !== "lower";
  const values = groupBy(seedValues(store, metric, filter), (v) => v.setting);
  // Cells that differ only by defense share the comparison key the runner stores; for attacks the
  // key is the configuration without its attack and seed.
  const pairing = axis === "defense" ? undefined : attackPairing(store);
  const rows = leaderboard(store, { ...filter, metrics: [metric] }).map((r) => ({
    ...r,
    label: r[axis],
    key: pairing ? (pairing.get(r.setting) ?? "") : r.comparison,
    values: values.get(r.setting) ?? [],
  }));
  // Each name's rows by pairing key, once (a page per pair compares each name with many others),
  // gathered from the rows by label: a name matches a few labels, not every row.
  const byLabel = groupBy(rows, (r) => r.label);
  const sides = new Map<string, Map<string, typeof rows>>();
  const side = (name: string) => {
    let grouped = sides.get(name);
    if (!grouped) {
      const matching = [...byLabel].filter(([label]) => labelMatches(label, name)).flatMap(([, r]) => r);
      grouped = groupBy(matching, (r) => r.key);
      sides.set(name, grouped);
    }
    return grouped;
  };
  return (a, b) => {
    const left = side(a);
    const right = side(b);
    const shared = [...left.keys()].filter((k) => k !== "" && right.has(k));
    const raw = shared.flatMap((key) => {
      const [x, y] = [only(left.get(key), a, axis), only(right.get(key), b, axis)];
      const paired = pairBySeed(x.values, y.values);
      if (paired.x.length < 2) return [];
      return [
        {
          dataset: x.dataset,
          model: x.model,
          rate: x.rate,
          shared: x[other],
          labelA: x.label,
          labelB: y.label,
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
          p.shared.localeCompare(q.shared) ||
          p.rate - q.rate,
      );
    const count = (which: SettingComparison["better"]) => settings.filter((s) => s.better === which).length;
    return {
      axis,
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

/** The defense and attack labels of the store's finished cells: what compareAxisOf decides from. */
export interface ComparableNames {
  defenses: string[];
  attacks: string[];
}

export function comparableNames(store: Store): ComparableNames {
  const names = (column: typeof cells.defense | typeof cells.attack) =>
    store.db
      .selectDistinct({ label: column })
      .from(cells)
      .where(eq(cells.status, "finished"))
      .all()
      .map((r) => r.label);
  return { defenses: names(cells.defense), attacks: names(cells.attack) };
}

/**
 * What two names are compared along: defenses when both name defenses of the store's finished
 * cells, else attacks when both name attacks ("none" is both: "none" and "strip" are defenses,
 * "none" and "badnets" attacks); undefined when neither.
 */
export function compareAxisOf(names: ComparableNames, a: string, b: string): CompareAxis | undefined {
  const both = (labels: string[]) => [a, b].every((n) => labels.some((l) => labelMatches(l, n)));
  if (both(names.defenses)) return "defense";
  if (both(names.attacks)) return "attack";
  return undefined;
}

/** Each setting's configuration without its attack and seed (canonical JSON): cells that share it differ only by attack. */
function attackPairing(store: Store): Map<string, string> {
  const rows = store.db
    .select({ setting: cells.setting, config: min(cells.config) })
    .from(cells)
    .where(eq(cells.status, "finished"))
    .groupBy(cells.setting)
    .all();
  return new Map(
    rows.map((r) => {
      const { attack: _attack, seed: _seed, ...rest } = r.config ?? {};
      return [r.setting, canonicalJson(rest)];
    }),
  );
}

/** The one variant of a plugin in a setting; several (e.g. two epsilons) need the exact label. */
function only<T extends { label: string; values: SeedValue[] }>(
  rows: T[] | undefined,
  asked: string,
  axis: CompareAxis,
): T {
  const variants = [...new Set((rows ?? []).map((r) => r.label))];
  if (variants.length !== 1)
    throw new HemlockError(
      "INVALID_ARGUMENT",
      `"${asked}" names ${variants.length} ${axis === "defense" ? "defenses" : "attacks"} in one setting: ${variants.map((v) => `"${v}"`).join(", ")}`,
      "Pass one of these labels exactly.",
    );
  return (rows as T[])[0] as T;
}
