/**
 * The data behind an experiment's page: its detail (progress, failures, spec), the aggregated rows
 * of its metrics for the heatmap (the headline and detection families; per-class ASR and
 * diagnostics are on the leaderboard), a page of its cells, and its reproduction checks if any.
 */
import type { ExperimentDetail, MetricInfo, Store } from "@hemlock/store";
import type { HeatmapRow } from "@hemlock/store/portable";
import type { ReproductionTarget } from "@hemlock/store/reports";
import type { CellListRow } from "../components/cell-table";
import { hemlockStore } from "./hemlock-store";
import { type PackedRecords, packRecords } from "./packed-records";
import { isStoreProblem } from "./results-store";
import { cachedRead } from "./store-cache";

/** Cells listed a page: over a 100k-cell store an experiment of 5,000 cells is 25 pages. */
export const CELLS_PER_PAGE = 200;

export interface ExperimentData {
  detail: ExperimentDetail;
  heatmapMetrics: MetricInfo[];
  defaultMetric: string;
  /** The heatmap's squares (HeatmapRow), packed. */
  heatmap: PackedRecords;
  cells: CellListRow[];
  totalCells: number;
  reproduction?: ReproductionTarget;
}

export async function experimentData(store: Store, name: string, page = 1): Promise<ExperimentData | undefined> {
  const h = await hemlockStore();
  const detail = h.experimentDetail(store, name);
  const experimentId = h.findExperiment(store, name);
  if (!detail || experimentId === undefined) return undefined;
  const heatmapMetrics = detail.metrics.filter((m) =>
    ["headline", "poison detection", "triggered-input detection", "cost"].includes(m.group),
  );
  const rows =
    heatmapMetrics.length > 0 ? h.leaderboard(store, { experimentId, metrics: heatmapMetrics.map((m) => m.name) }) : [];
  const listed = h.experimentCellPage(store, name, page, CELLS_PER_PAGE);
  const reproduction = h.reproductionTargets(store).find((t) => t.experiment === name);
  return {
    detail,
    heatmapMetrics,
    defaultMetric: h.defaultMetric(heatmapMetrics) ?? "",
    heatmap: packRecords<HeatmapRow>(rows, ["dataset", "model", "attack", "rate", "defense", "metric", "mean", "n"]),
    cells: listed?.cells ?? [],
    totalCells: listed?.total ?? 0,
    ...(reproduction ? { reproduction } : {}),
  };
}

/**
 * Page `page` of an experiment's cells, from its whole list read once and remembered until the
 * store changes: publishing a 5,000-cell experiment reads its cells once, not once per page.
 */
export async function experimentCellsPage(name: string, page: number) {
  const h = await hemlockStore();
  const all = await cachedRead(`experiment-cells:${name}`, (store) =>
    h.experimentCellPage(store, name, 1, Number.MAX_SAFE_INTEGER),
  );
  if (isStoreProblem(all) || all === undefined) return all;
  return { cells: all.cells.slice((page - 1) * CELLS_PER_PAGE, page * CELLS_PER_PAGE), total: all.total };
}
