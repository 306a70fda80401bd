/**
 * The results behind a defense's or an attack's page: the aggregated ASR and clean-accuracy rows
 * of its settings (with "none" beside a defense for reference), every defense's rows in the
 * settings it appears in (for the Pareto front), and for a defense its rank in each setting.
 */
import type { BoardEntry, CellFilter, LeaderboardRow, Store } from "@hemlock/store";
import { hemlockStore } from "./hemlock-store";

const METRICS = ["attackSuccessRate", "cleanAccuracy"];

export interface PluginResults {
  /** The plugin's own rows (and "none"'s, for a defense), for the rate chart. */
  rows: LeaderboardRow[];
  /** Every defense in the settings the plugin appears in, for the Pareto chart. */
  neighbours: LeaderboardRow[];
  /** For a defense: its entry in each setting's ASR ranking, with the number of defenses ranked there. */
  ranks: (BoardEntry & { dataset: string; model: string; attack: string; rate: number; of: number })[];
  /** Other defenses (or attacks) sharing a setting with it, for compare links. */
  peers: string[];
}

export async function pluginResults(store: Store, kind: "defense" | "attack", name: string): Promise<PluginResults> {
  const h = await hemlockStore();
  const filter: CellFilter = kind === "defense" ? { defense: name } : { attack: name };
  const own = h.leaderboard(store, { ...filter, metrics: METRICS });
  const comparisons = new Set(own.map((r) => r.comparison).filter((c) => c !== ""));
  const all = h.leaderboard(store, { ...(kind === "attack" ? filter : {}), metrics: METRICS });
  const neighbours = all.filter((r) => comparisons.has(r.comparison));
  const reference = kind === "defense" && name !== "none" ? neighbours.filter((r) => r.defense === "none") : [];
  const ranks =
    kind === "defense"
      ? h.metricBoard(store, { metric: "attackSuccessRate" }).settings.flatMap((s) =>
          s.entries
            .filter((e) => e.defense === name || e.defense.startsWith(`${name} `))
            .map((e) => ({
              ...e,
              dataset: s.dataset,
              model: s.model,
              attack: s.attack,
              rate: s.rate,
              of: s.entries.length,
            })),
        )
      : [];
  const peers =
    kind === "defense"
      ? [...new Set(neighbours.map((r) => r.defense.split(" ")[0] as string))].filter((d) => d !== name).sort()
      : [];
  return { rows: [...own, ...reference], neighbours, ranks, peers };
}
