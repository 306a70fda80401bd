/**
 * A leaderboard for one metric as the app shows it: every setting (dataset, model, attack, rate)
 * with its defenses ranked exactly as `hemlock leaderboard` ranks them (rankDefenses: mean, 95%
 * interval, interval rank, Holm-adjusted paired test against the best), clean accuracy beside each
 * row, the experiments each setting belongs to, and the defenses whose every value is undefined
 * (F1 with no poisons), which are listed as such rather than dropped or shown as 0. It also carries
 * the aggregated rows of the metric and clean accuracy, which the download buttons export.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Store } from "../database/open-store.js";
import { cells, experimentCells, metrics } from "../database/schema.js";
import { type CellFilter, cellFilters, type LeaderboardRow, leaderboard } from "../queries/leaderboard.js";
import { type MetricInfo, metricInfo } from "../queries/metric-catalog.js";
import { type PairedTestName, type RankedEntry, type RankedSetting, rankDefenses } from "./ranked-leaderboard.js";

export interface BoardEntry extends RankedEntry {
  /** Clean accuracy of the same setting, for context: a defense that wrecks the model is visible. */
  clean?: { mean: number; ciLow: number; ciHigh: number; n: number };
}

export interface UndefinedEntry {
  defense: string;
  /** Finished cells whose value is undefined. */
  cells: number;
  /** The setting's key. */
  setting: string;
}

export interface BoardSetting extends Omit<RankedSetting, "entries"> {
  /** The comparison key: cells that differ only by defense share it. */
  key: string;
  experiments: string[];
  entries: BoardEntry[];
  undefinedEntries: UndefinedEntry[];
}

export interface MetricBoard {
  metric: MetricInfo;
  test: PairedTestName;
  alpha: number;
  settings: BoardSetting[];
  /** The aggregated rows of the metric and clean accuracy, for the downloads. */
  rows: LeaderboardRow[];
}

export interface BoardOptions extends CellFilter {
  metric: string;
  test?: PairedTestName;
  alpha?: number;
}

export function metricBoard(store: Store, options: BoardOptions): MetricBoard {
  const { metric, test = "t", alpha = 0.05, ...filter } = options;
  const ranked = rankDefenses(store, { ...filter, metric, test, alpha });
  const metrics = metric === "cleanAccuracy" ? [metric] : [metric, "cleanAccuracy"];
  const rows = leaderboard(store, { ...filter, metrics });
  const clean = new Map(rows.filter((r) => r.metric === "cleanAccuracy").map((r) => [r.setting, r]));
  const experiments = settingExperiments(store);
  const undefinedBySetting = undefinedValues(store, metric, filter);
  const settings: BoardSetting[] = ranked.map((s) => {
    const first = s.entries[0] as RankedEntry;
    const key = first.comparison || first.setting;
    const names = new Set<string>();
    for (const e of s.entries) for (const name of experiments.get(e.setting) ?? []) names.add(name);
    const present = new Set(s.entries.map((e) => e.setting));
    return {
      ...s,
      key,
      experiments: [...names].sort(),
      entries: s.entries.map((e) => {
        const c = clean.get(e.setting);
        return c ? { ...e, clean: { mean: c.mean, ciLow: c.ciLow, ciHigh: c.ciHigh, n: c.n } } : e;
      }),
      undefinedEntries: (undefinedBySetting.get(key) ?? []).filter((u) => !present.has(u.setting)),
    };
  });
  return { metric: metricInfo(metric), test, alpha, settings, rows };
}

/** Per setting, the experiments whose finished cells it has. */
function settingExperiments(store: Store): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rows = store.sqlite
    .prepare(
      `SELECT DISTINCT c.setting AS setting, e.name AS name FROM cells c
       JOIN experiment_cells ec ON ec.identity = c.identity JOIN experiments e ON e.id = ec.experiment_id
       WHERE c.status = 'finished'`,
    )
    .all() as { setting: string; name: string }[];
  for (const r of rows) out.set(r.setting, [...(out.get(r.setting) ?? []), r.name]);
  return out;
}

/** Per comparison key, the settings whose finished cells hold the metric only as undefined (NULL). */
function undefinedValues(store: Store, metric: string, filter: CellFilter): Map<string, UndefinedEntry[]> {
  const conditions = [...cellFilters(filter), eq(metrics.name, metric), isNull(metrics.value)];
  if (filter.experimentId !== undefined)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${experimentCells} WHERE ${experimentCells.identity} = ${cells.identity} AND ${experimentCells.experimentId} = ${filter.experimentId})`,
    );
  const rows = store.db
    .select({
      comparison: sql<string>`min(${cells.comparison})`,
      setting: cells.setting,
      defense: sql<string>`min(${cells.defense})`,
      cells: sql<number>`count(*)`,
    })
    .from(metrics)
    .innerJoin(cells, eq(cells.identity, metrics.identity))
    .where(and(...conditions))
    .groupBy(cells.setting)
    .all();
  const out = new Map<string, UndefinedEntry[]>();
  for (const r of rows) {
    const key = r.comparison || r.setting;
    out.set(key, [...(out.get(key) ?? []), { defense: r.defense, cells: r.cells, setting: r.setting }]);
  }
  return out;
}
