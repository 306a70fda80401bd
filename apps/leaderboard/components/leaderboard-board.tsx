"use client";
/**
 * The leaderboard for one metric, in the browser: filters (dataset, model, attack, rate, defense,
 * experiment), a search box, sortable columns, a per-setting view and a pivot (defenses × rates or
 * × attacks), the overall Friedman ranking over the settings shown, and downloads of exactly the
 * rows shown in every export format. It opens on the view the server computed for the URL; when
 * the state changes it fetches the metric's whole board once (its data file) and computes each
 * view with the same function. The ranking itself is the store's (the same as `hemlock
 * leaderboard`); filtering hides settings and rows, it never re-ranks them.
 */
import type { MetricInfo } from "@hemlock/store";
import { type ExportFormat, exportText, formatValue, type LeaderboardRow } from "@hemlock/store/portable";
import type { BoardEntry, BoardSetting, MetricBoard } from "@hemlock/store/reports";
import { useEffect, useState } from "react";
import {
  type BoardView,
  boardView,
  exportRows,
  FILTERS,
  type PivotView,
  SETTINGS_PER_PAGE,
  sameViewState,
} from "../lib/board-view";
import { meanCi, ONE_SEED, pText } from "../lib/display";
import { type PackedBoard, unpackBoard } from "../lib/packed-board";
import type { UrlState } from "../lib/query-state";
import { paths } from "../lib/site-paths";
import { useUrlState } from "../lib/url-state";
import { ExperimentLinks } from "./experiment-links";
import { IntervalBar } from "./interval-bar";
import { MetricPicker } from "./metric-picker";

export interface LeaderboardProps {
  /** The view the server computed, for initialState. */
  view: BoardView;
  metrics: MetricInfo[];
  initialState: UrlState;
  /** The metric's whole board (a PackedBoard file), fetched when the state changes. */
  dataUrl: string;
}

type SortKey = "rank" | "defense" | "mean" | "n" | "clean" | "delta";

const boards = new Map<string, Promise<MetricBoard>>();

/** The whole board, fetched once per page. */
function loadBoard(url: string): Promise<MetricBoard> {
  let board = boards.get(url);
  if (!board) {
    board = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return unpackBoard((await response.json()) as PackedBoard);
    });
    board.catch(() => boards.delete(url));
    boards.set(url, board);
  }
  return board;
}

export function LeaderboardBoard({ view: served, metrics, initialState, dataUrl }: LeaderboardProps) {
  const [state, update] = useUrlState(initialState);
  const [board, setBoard] = useState<MetricBoard>();
  const [problem, setProblem] = useState<string>();
  const current = sameViewState(state, served.state);
  useEffect(() => {
    if (!current && !board)
      loadBoard(dataUrl).then(setBoard, (error: Error) => setProblem(`could not load the board: ${error.message}`));
  }, [current, board, dataUrl]);
  // While the board loads, the last view stays (marked as loading).
  const view = current || !board ? served : boardView(board, served.options.experiment, state);
  const loading = !current && !board && !problem;
  const metric = view.metric;
  const ranked = metric.direction !== "none";
  const { options, across, page, pages } = view;
  const sort = (state.sort ?? "rank") as SortKey;
  const descending = state.dir === "desc";
  const sortBy = (key: SortKey) => update({ sort: key, dir: sort === key && !descending ? "desc" : "" });
  const exportMetrics = metric.name === "cleanAccuracy" ? [metric.name] : [metric.name, "cleanAccuracy"];
  const viewKind = state.view === "pivot" ? "pivot" : "settings";

  return (
    <>
      <search className="controls">
        <MetricPicker metrics={metrics} current={metric.name} />
        {FILTERS.map((f) => (
          <label key={f}>
            {f}
            <select
              name={f}
              value={state[f] ?? ""}
              onChange={(e) => update({ [f]: e.target.value, page: "" })}
              data-testid={`filter-${f}`}
            >
              <option value="">all</option>
              {options[f].map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          search
          <input
            type="search"
            name="q"
            value={state.q ?? ""}
            placeholder="defense, attack, …"
            onChange={(e) => update({ q: e.target.value, page: "" })}
          />
        </label>
        <label>
          view
          <select
            name="view"
            value={viewKind}
            onChange={(e) => update({ view: e.target.value === "pivot" ? "pivot" : "" })}
          >
            <option value="settings">per setting</option>
            <option value="pivot">pivot table</option>
          </select>
        </label>
        {viewKind === "pivot" && (
          <label>
            columns
            <select
              name="by"
              value={state.by ?? "rate"}
              onChange={(e) => update({ by: e.target.value === "attack" ? "attack" : "" })}
            >
              <option value="rate">rate</option>
              <option value="attack">attack</option>
            </select>
          </label>
        )}
      </search>
      <p className="note">
        {metric.title}:{" "}
        {ranked ? (
          <>
            <strong>{metric.direction} is better</strong>; mean ± 95% t-interval over seeds, clean accuracy beside it.
            Rank is 1 + the number of defenses whose interval lies wholly better, so defenses whose intervals overlap
            share a rank and ranks can repeat down the column. Equal means are ordered by the narrower interval, then
            more seeds, then name. <span className="sig">*</span> marks a defense significantly worse than the best
            (paired {view.test === "t" ? "t-test" : "Wilcoxon signed-rank test"} over shared seeds, Holm-corrected, α ={" "}
            {view.alpha}).
          </>
        ) : (
          <>this metric has no better direction (a count or a diagnostic), so it is listed, not ranked.</>
        )}
      </p>
      <p className="note" data-testid="shown-count">
        {view.shownSettings} of {view.allSettings} settings shown.
        {loading && <span aria-live="polite"> Loading the whole board …</span>}
        {problem && <span className="fail"> {problem}</span>}
      </p>
      {across && (
        <p className="note" data-testid="friedman">
          Overall, across the {across.settings} settings shown: Friedman χ² = {across.statistic.toFixed(2)}, df ={" "}
          {across.df}, {pText(across.p)}; mean ranks (1 = best):{" "}
          {across.defenses
            .map((d, i) => ({ d, r: across.meanRanks[i] as number }))
            .sort((a, b) => a.r - b.r)
            .map(({ d, r }) => `${d} ${r.toFixed(2)}`)
            .join(", ")}
          {across.leftOut.length > 0 ? ` (not in every setting, left out: ${across.leftOut.join(", ")})` : ""}.
        </p>
      )}
      <Downloads rows={async () => exportRows(await loadBoard(dataUrl), state)} metrics={exportMetrics} state={state} />
      {viewKind === "pivot" && view.pivot ? (
        <PivotTable pivot={view.pivot} metric={metric} />
      ) : (
        view.pageSettings.map((s) => (
          <SettingTable
            key={s.key}
            setting={s}
            metric={metric}
            ranked={ranked}
            sort={sort}
            descending={descending}
            sortBy={sortBy}
          />
        ))
      )}
      {view.shownSettings === 0 && <p>No setting matches these filters.</p>}
      {pages > 1 && viewKind !== "pivot" && (
        <nav className="controls" aria-label="pages of settings">
          <span className="note">
            Settings {(page - 1) * SETTINGS_PER_PAGE + 1}–{Math.min(page * SETTINGS_PER_PAGE, view.shownSettings)} of{" "}
            {view.shownSettings}:
          </span>
          <button
            type="button"
            disabled={page === 1}
            onClick={() => update({ page: page === 2 ? "" : String(page - 1) })}
          >
            previous
          </button>
          <button type="button" disabled={page === pages} onClick={() => update({ page: String(page + 1) })}>
            next
          </button>
        </nav>
      )}
    </>
  );
}

function scaleOf(metric: MetricInfo, entries: readonly BoardEntry[]): [number, number] {
  if (metric.proportion) return [0, 1];
  const values = entries.flatMap((e) => [e.ciLow, e.ciHigh]);
  return [Math.min(0, ...values), Math.max(...values)];
}

function SettingTable({
  setting,
  metric,
  ranked,
  sort,
  descending,
  sortBy,
}: {
  setting: BoardSetting;
  metric: MetricInfo;
  ranked: boolean;
  sort: SortKey;
  descending: boolean;
  sortBy: (key: SortKey) => void;
}) {
  const sign = descending ? -1 : 1;
  const key = (e: BoardEntry): number | string =>
    sort === "defense"
      ? e.defense
      : sort === "mean"
        ? e.mean
        : sort === "n"
          ? e.n
          : sort === "clean"
            ? (e.clean?.mean ?? -1)
            : sort === "delta"
              ? (e.versusBest?.meanDifference ?? 0)
              : setting.entries.indexOf(e);
  const entries = [...setting.entries].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return sign * (typeof x === "string" ? x.localeCompare(y as string) : x - (y as number));
  });
  const scale = scaleOf(metric, setting.entries);
  const header = (label: string, k: SortKey, numeric = false) => (
    <th className={numeric ? "num" : ""} aria-sort={sort === k ? (descending ? "descending" : "ascending") : "none"}>
      <button type="button" onClick={() => sortBy(k)}>
        {label}
        {sort === k ? (descending ? " ▼" : " ▲") : ""}
      </button>
    </th>
  );
  return (
    <section data-setting={setting.key}>
      <h3>
        <a href={paths.leaderboard(undefined, { dataset: setting.dataset })}>{setting.dataset}</a> · {setting.model} ·{" "}
        <a href={paths.attack(setting.attack)}>{setting.attack}</a> · rate {setting.rate}
        <span className="note">
          {" "}
          in <ExperimentLinks names={setting.experiments} />
        </span>
      </h3>
      <div className="scroll">
        <table className="board">
          <thead>
            <tr>
              {ranked && header("rank", "rank", true)}
              {header("defense", "defense")}
              {header(metric.title, "mean", true)}
              {header("n", "n", true)}
              {ranked && header("Δ vs best (Holm p)", "delta", true)}
              {metric.name !== "cleanAccuracy" && header("clean accuracy (%)", "clean", true)}
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.setting} data-defense={e.defense}>
                {ranked && <td className="num">{e.rank}</td>}
                <td>
                  <a href={paths.defense(e.defense)}>{e.defense}</a>
                </td>
                <td className="num" data-mean={e.mean}>
                  {e.n > 1 ? (
                    meanCi(metric.name, e.mean, e.ciHigh, e.n)
                  ) : (
                    <>
                      {formatValue(metric.name, e.mean)} ±{" "}
                      <span className="na" title={ONE_SEED}>
                        n/a
                      </span>
                    </>
                  )}
                  <IntervalBar mean={e.mean} low={e.ciLow} high={e.ciHigh} scale={scale} />
                </td>
                <td className="num">{e.n}</td>
                {ranked && (
                  <td className="num">
                    {e.best ? (
                      "best"
                    ) : e.versusBest ? (
                      <>
                        {signed(formatValue(metric.name, e.versusBest.meanDifference))} ({pText(e.versusBest.pAdjusted)}
                        )
                        {e.versusBest.significant && (
                          <span className="sig" title="significantly worse than the best after Holm correction">
                            {" "}
                            *
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="na" title="fewer than two seeds shared with the best: no paired test">
                        n/a
                      </span>
                    )}
                  </td>
                )}
                {metric.name !== "cleanAccuracy" && (
                  <td className="num">
                    {e.clean ? meanCi("cleanAccuracy", e.clean.mean, e.clean.ciHigh, e.clean.n) : "n/a"}
                  </td>
                )}
              </tr>
            ))}
            {setting.undefinedEntries.map((u) => (
              <tr key={u.defense} data-defense={u.defense} data-undefined="true">
                {ranked && <td className="num">–</td>}
                <td>
                  <a href={paths.defense(u.defense)}>{u.defense}</a>
                </td>
                <td className="num">
                  <span
                    className="na"
                    title={`undefined in all ${u.cells} cells (for example, F1 or recall when the training set has no poisons: 0/0)`}
                  >
                    n/a
                  </span>
                </td>
                <td className="num">0</td>
                {ranked && <td />}
                {metric.name !== "cleanAccuracy" && <td />}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function signed(text: string): string {
  return text.startsWith("-") ? `−${text.slice(1)}` : `+${text}`;
}

/** One table: a row per dataset, model, attack-or-rate and defense; a column per rate or attack. */
function PivotTable({ pivot, metric }: { pivot: PivotView; metric: MetricInfo }) {
  const { by, columns } = pivot;
  return (
    <div className="scroll">
      {pivot.total > pivot.rows.length && (
        <p className="note">
          The first {pivot.rows.length} of {pivot.total} rows; narrow them with the filters.
        </p>
      )}
      <table data-testid="pivot">
        <thead>
          <tr>
            <th>dataset</th>
            <th>model</th>
            <th>{by === "rate" ? "attack" : "rate"}</th>
            <th>defense</th>
            {columns.map((c) => (
              <th key={c} className="num">
                {by === "rate" ? `rate ${c}` : c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pivot.rows.map((r) => (
            <tr key={r.labels.join("/")}>
              {r.labels.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the label columns are positional
                <td key={i}>{i === 3 ? <a href={paths.defense(l)}>{l}</a> : l}</td>
              ))}
              {r.cells.map((e, i) => (
                <td key={columns[i]} className="num">
                  {e ? <span className={e.best ? "pass" : ""}>{meanCi(metric.name, e.mean, e.ciHigh, e.n)}</span> : ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">The best of each setting is in bold green.</p>
    </div>
  );
}

function Downloads({
  rows,
  metrics,
  state,
}: {
  rows: () => Promise<LeaderboardRow[]>;
  metrics: string[];
  state: UrlState;
}) {
  const formats: [ExportFormat, string, string][] = [
    ["csv", "CSV", "text/csv"],
    ["json", "JSON", "application/json"],
    ["latex", "LaTeX", "application/x-tex"],
    ["markdown", "Markdown", "text/markdown"],
  ];
  const extension: Record<ExportFormat, string> = { csv: "csv", json: "json", latex: "tex", markdown: "md" };
  const command = [
    "hemlock export --format FORMAT",
    `--metric ${metrics.join(" ")}`,
    ...["experiment", "dataset", "model", "attack", "rate", "defense"]
      .filter((f) => state[f])
      .map((f) => `--${f} ${JSON.stringify(state[f])}`),
  ].join(" ");
  const download = async (format: ExportFormat, type: string) => {
    const blob = new Blob([exportText(await rows(), format, metrics)], { type });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `hemlock-leaderboard.${extension[format]}`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="controls">
      <span className="note">Download the rows these filters select:</span>
      {formats.map(([format, label, type]) => (
        <button key={format} type="button" onClick={() => download(format, type)} data-download={format}>
          {label}
        </button>
      ))}
      <span className="note">
        the same bytes as <code>{command}</code>
      </span>
    </div>
  );
}
