/**
 * The results behind a defense's or an attack's page, read from the attack-success board the
 * leaderboard already ranked (remembered until the store changes, so a page costs a filter, not a
 * query): every dataset and model it ran in, with, for a defense, its mean rank there; and for one
 * of those pairs (the page's focus, so a page over 100k cells carries tens of settings, not a
 * thousand) its own ASR and clean-accuracy rows ("none"'s beside a defense's, for reference),
 * every defense's rows in its settings (the Pareto chart), and a defense's rank in each setting.
 */
import type { LeaderboardRow } from "@hemlock/store";
import { labelMatches } from "@hemlock/store/portable";
import type { BoardEntry } from "@hemlock/store/reports";
import { cachedLeaderboard } from "./leaderboard-data";
import { isStoreProblem, type StoreProblem } from "./results-store";
import { pluginName } from "./site-paths";

export interface PluginPair {
  dataset: string;
  model: string;
  /** Settings (attack and rate; dataset and model are the pair's) it ran in. */
  settings: number;
  /** For a defense: its mean ASR rank over the pair's settings, and how often it ranked first. */
  meanRank?: number;
  first?: number;
}

export type RankRow = BoardEntry & { dataset: string; model: string; attack: string; rate: number; of: number };

export interface PluginResults {
  pairs: PluginPair[];
  /** The pair the page shows in detail (undefined when the plugin has no results). */
  focus?: { dataset: string; model: string };
  /** The plugin's own rows in the focus pair (and "none"'s, for a defense), for the rate chart. */
  rows: LeaderboardRow[];
  /** Every defense in the focus pair's settings the plugin appears in, for the Pareto chart. */
  neighbours: LeaderboardRow[];
  /** For a defense: its entry in each of the focus pair's ASR rankings, with how many were ranked. */
  ranks: RankRow[];
  /** Other defenses sharing a setting with a defense, or attacks run where an attack ran, for compare links. */
  peers: string[];
}

/** undefined when the focus names a pair the plugin never ran in. */
export async function pluginResults(
  kind: "defense" | "attack",
  name: string,
  focus?: { dataset: string; model: string },
): Promise<PluginResults | StoreProblem | undefined> {
  // The ASR board holds ASR and clean-accuracy rows; a store without ASR has the clean board only.
  let data = await cachedLeaderboard("attackSuccessRate");
  if (!isStoreProblem(data) && !data.known) data = await cachedLeaderboard("cleanAccuracy");
  if (isStoreProblem(data)) return data;
  if (!data.known) return { pairs: [], rows: [], neighbours: [], ranks: [], peers: [] };
  const { board } = data;
  const own = board.rows.filter((r) => labelMatches(kind === "defense" ? r.defense : r.attack, name));
  const comparisons = new Set(own.map((r) => r.comparison).filter((c) => c !== ""));
  const ranks: RankRow[] =
    kind === "defense" && board.metric.name === "attackSuccessRate"
      ? board.settings.flatMap((s) =>
          s.entries
            .filter((e) => labelMatches(e.defense, name))
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
  const pairKey = (r: { dataset: string; model: string }) => `${r.dataset}\u0000${r.model}`;
  const pairs = new Map<string, PluginPair & { keys: Set<string>; rankSum: number; ranked: number }>();
  for (const r of own) {
    const p = pairs.get(pairKey(r)) ?? {
      dataset: r.dataset,
      model: r.model,
      settings: 0,
      keys: new Set(),
      rankSum: 0,
      ranked: 0,
    };
    p.keys.add(`${r.attack}\u0000${r.rate}`);
    pairs.set(pairKey(r), p);
  }
  const firsts = new Map<string, number>();
  for (const r of ranks) {
    const p = pairs.get(pairKey(r));
    if (!p) continue;
    p.rankSum += r.rank;
    p.ranked++;
    if (r.rank === 1) firsts.set(pairKey(r), (firsts.get(pairKey(r)) ?? 0) + 1);
  }
  const listed: PluginPair[] = [...pairs.values()]
    .sort((a, b) => a.dataset.localeCompare(b.dataset) || a.model.localeCompare(b.model))
    .map((p) => ({
      dataset: p.dataset,
      model: p.model,
      settings: p.keys.size,
      ...(p.ranked > 0 ? { meanRank: p.rankSum / p.ranked, first: firsts.get(pairKey(p)) ?? 0 } : {}),
    }));
  const chosen = focus ?? listed[0];
  if (focus && !listed.some((p) => pairKey(p) === pairKey(focus))) return undefined;
  const inFocus = (r: { dataset: string; model: string }) => chosen !== undefined && pairKey(r) === pairKey(chosen);
  const neighbours = board.rows.filter((r) => comparisons.has(r.comparison) && inFocus(r));
  const reference = kind === "defense" && name !== "none" ? neighbours.filter((r) => r.defense === "none") : [];
  // Defenses that met this one in a setting; attacks run in the same dataset, model, rate and defense.
  const sharedWith = (r: LeaderboardRow) => `${r.dataset}\u0000${r.model}\u0000${r.rate}\u0000${r.defense}`;
  const attackSettings = new Set(kind === "attack" ? own.map(sharedWith) : []);
  const peers = [
    ...new Set(
      kind === "defense"
        ? board.rows.filter((r) => comparisons.has(r.comparison)).map((r) => pluginName(r.defense))
        : board.rows.filter((r) => attackSettings.has(sharedWith(r))).map((r) => pluginName(r.attack)),
    ),
  ]
    .filter((p) => p !== name && !(kind === "attack" && p === "none"))
    .sort();
  return {
    pairs: listed,
    ...(chosen ? { focus: { dataset: chosen.dataset, model: chosen.model } } : {}),
    rows: [...own.filter(inFocus), ...reference],
    neighbours,
    ranks: ranks.filter(inFocus),
    peers,
  };
}
