/**
 * The data behind a leaderboard page: the store's metrics (titles, groups, directions), the whole
 * board for the chosen metric (undefined when the store records no such metric), and the
 * experiment names for the filter; remembered until the store changes, so the page, its data
 * file and every query of it rank the store once.
 */
import type { MetricInfo, Store } from "@hemlock/store";
import type { MetricBoard } from "@hemlock/store/reports";
import { hemlockStore } from "./hemlock-store";
import { cachedRead } from "./store-cache";

export type LeaderboardData =
  | { known: true; board: MetricBoard; metrics: MetricInfo[]; experiments: string[] }
  | { known: false; metrics: string[] };

export async function leaderboardData(store: Store, metric: string | undefined): Promise<LeaderboardData> {
  const h = await hemlockStore();
  const metrics = h.metricCatalog(store);
  const chosen = metric ?? h.defaultMetric(metrics);
  if (chosen === undefined || !metrics.some((m) => m.name === chosen))
    return { known: false, metrics: metrics.map((m) => m.name) };
  return {
    known: true,
    board: h.metricBoard(store, { metric: chosen }),
    metrics,
    experiments: h.listExperiments(store).map((e) => e.name),
  };
}

/** leaderboardData, remembered until the store changes (undefined metric: the store's default). */
export function cachedLeaderboard(metric: string | undefined) {
  return cachedRead(`board:${metric ?? ""}`, (store) => leaderboardData(store, metric));
}
