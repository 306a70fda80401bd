/**
 * What a leaderboard page shows for one state of its URL (filters, search, page, view), computed
 * from the metric's whole board: the settings the filters keep, the page of them shown, the
 * Friedman ranking over all of them, the pivot table, the filter options, and the rows a download
 * writes. The same function runs on the server (a served page arrives with its view, so a page
 * over 100k cells carries 25 settings, not 1,000) and in the browser once the user changes the
 * state (a published page is one file for every query, so there it runs in the browser on the
 * board's data file). Filtering hides settings and rows; it never re-ranks them.
 */
import type { MetricInfo } from "@hemlock/store";
import {
  type FriedmanAcrossSettings,
  friedmanAcrossSettings,
  type LeaderboardRow,
  labelMatches,
} from "@hemlock/store/portable";
import type { BoardEntry, BoardSetting, MetricBoard } from "@hemlock/store/reports";
import type { UrlState } from "./query-state";

/** Settings shown at once; the rest are on further pages (?page=). */
export const SETTINGS_PER_PAGE = 25;
/** Rows of the pivot table shown at once; the filters narrow the rest. */
export const PIVOT_ROWS = 300;

export const FILTERS = ["dataset", "model", "attack", "rate", "defense", "experiment"] as const;
export type FilterName = (typeof FILTERS)[number];

/** The state keys that change which settings and rows a view shows (sorting is within a table). */
const VIEW_KEYS = [...FILTERS, "q", "page", "view", "by"] as const;

export interface PivotCell {
  mean: number;
  ciHigh: number;
  n: number;
  best: boolean;
}

export interface PivotView {
  by: "rate" | "attack";
  columns: string[];
  /** The first PIVOT_ROWS rows: dataset, model, attack-or-rate and defense, then a cell per column. */
  rows: { labels: string[]; cells: (PivotCell | null)[] }[];
  total: number;
}

export interface BoardView {
  metric: MetricInfo;
  test: MetricBoard["test"];
  alpha: number;
  /** The state this view was computed for (only the keys that change it). */
  state: UrlState;
  options: Record<FilterName, string[]>;
  allSettings: number;
  shownSettings: number;
  page: number;
  pages: number;
  pageSettings: BoardSetting[];
  across?: FriedmanAcrossSettings;
  pivot?: PivotView;
}

/** The part of a URL state that decides a view, for telling whether a view is still current. */
export function viewState(state: UrlState): UrlState {
  return Object.fromEntries(VIEW_KEYS.filter((k) => state[k]).map((k) => [k, state[k] as string]));
}

export function sameViewState(a: UrlState, b: UrlState): boolean {
  return JSON.stringify(viewState(a)) === JSON.stringify(viewState(b));
}

function filteredSettings(board: MetricBoard, state: UrlState): BoardSetting[] {
  const search = (state.q ?? "").toLowerCase();
  return board.settings
    .filter(
      (s) =>
        labelMatches(s.dataset, state.dataset) &&
        labelMatches(s.model, state.model) &&
        labelMatches(s.attack, state.attack) &&
        (!state.rate || String(s.rate) === state.rate) &&
        (!state.experiment || s.experiments.includes(state.experiment)),
    )
    .map((s) => ({
      ...s,
      entries: s.entries.filter(
        (e) =>
          labelMatches(e.defense, state.defense) &&
          (!search ||
            [s.dataset, s.model, s.attack, String(s.rate), e.defense].join(" ").toLowerCase().includes(search)),
      ),
    }))
    .filter((s) => s.entries.length > 0 || s.undefinedEntries.length > 0);
}

export function boardView(board: MetricBoard, experiments: readonly string[], state: UrlState): BoardView {
  const settings = filteredSettings(board, state);
  const pages = Math.max(1, Math.ceil(settings.length / SETTINGS_PER_PAGE));
  const page = Math.min(pages, Math.max(1, Number(state.page ?? 1) || 1));
  const across = board.metric.direction !== "none" ? friedmanAcrossSettings(settings) : undefined;
  return {
    metric: board.metric,
    test: board.test,
    alpha: board.alpha,
    state: viewState(state),
    options: filterOptions(board.settings, experiments),
    allSettings: board.settings.length,
    shownSettings: settings.length,
    page,
    pages,
    pageSettings: settings.slice((page - 1) * SETTINGS_PER_PAGE, page * SETTINGS_PER_PAGE),
    ...(across ? { across } : {}),
    ...(state.view === "pivot" ? { pivot: pivotView(settings, state.by === "attack" ? "attack" : "rate") } : {}),
  };
}

/** The rows a download writes for these filters, as `hemlock export` selects them (not the search box). */
export function exportRows(board: MetricBoard, state: UrlState): LeaderboardRow[] {
  const experimentSettings = new Set(
    board.settings
      .filter((s) => s.experiments.includes(state.experiment ?? ""))
      .flatMap((s) => s.entries.map((e) => e.setting)),
  );
  return board.rows.filter(
    (r) =>
      labelMatches(r.dataset, state.dataset) &&
      labelMatches(r.model, state.model) &&
      labelMatches(r.attack, state.attack) &&
      labelMatches(r.defense, state.defense) &&
      (!state.rate || String(r.rate) === state.rate) &&
      (!state.experiment || experimentSettings.has(r.setting)),
  );
}

const byName = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

function filterOptions(
  settings: readonly BoardSetting[],
  experiments: readonly string[],
): Record<FilterName, string[]> {
  const unique = (values: string[]) => [...new Set(values)].sort(byName);
  return {
    dataset: unique(settings.map((s) => s.dataset)),
    model: unique(settings.map((s) => s.model)),
    attack: unique(settings.map((s) => s.attack)),
    rate: [...new Set(settings.map((s) => s.rate))].sort((a, b) => a - b).map(String),
    defense: unique(settings.flatMap((s) => s.entries.map((e) => e.defense))),
    experiment: unique([...experiments]),
  };
}

/** One table: a row per dataset, model, attack-or-rate and defense; a column per rate or attack. */
function pivotView(settings: readonly BoardSetting[], by: "rate" | "attack"): PivotView {
  // Rates in numeric order ("0.05" before "0.1"), attacks by name.
  const columns =
    by === "rate"
      ? [...new Set(settings.map((s) => s.rate))].sort((a, b) => a - b).map(String)
      : [...new Set(settings.map((s) => s.attack))].sort(byName);
  const rows = new Map<string, { labels: string[]; cells: Map<string, BoardEntry> }>();
  for (const s of settings)
    for (const e of s.entries) {
      const labels = [s.dataset, s.model, by === "rate" ? s.attack : `rate ${s.rate}`, e.defense];
      const k = labels.join("\u0000");
      const row = rows.get(k) ?? { labels, cells: new Map() };
      row.cells.set(by === "rate" ? String(s.rate) : s.attack, e);
      rows.set(k, row);
    }
  return {
    by,
    columns,
    rows: [...rows.values()].slice(0, PIVOT_ROWS).map((r) => ({
      labels: r.labels,
      cells: columns.map((c) => {
        const e = r.cells.get(c);
        return e ? { mean: e.mean, ciHigh: e.ciHigh, n: e.n, best: e.best } : null;
      }),
    })),
    total: rows.size,
  };
}
