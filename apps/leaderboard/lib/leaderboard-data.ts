/**
 * The data behind a leaderboard page: the store's metrics (titles, groups, directions), the board
 * for the chosen metric, packed for the browser (undefined when the store records no such
 * metric), and the experiment names for the filter. Remembered until the store changes.
 */
import type { Store } from "@hemlock/store";
import type { LeaderboardData } from "../components/leaderboard-board";
import { hemlockStore } from "./hemlock-store";
import { packBoard } from "./packed-board";

export async function leaderboardData(
  store: Store,
  metric: string | undefined,
): Promise<(LeaderboardData & { known: true }) | { known: false; metrics: string[] }> {
  const h = await hemlockStore();
  const metrics = h.metricCatalog(store);
  const chosen = metric ?? h.defaultMetric(metrics);
  if (chosen === undefined || !metrics.some((m) => m.name === chosen))
    return { known: false, metrics: metrics.map((m) => m.name) };
  return {
    known: true,
    board: packBoard(h.metricBoard(store, { metric: chosen })),
    metrics,
    experiments: h.listExperiments(store).map((e) => e.name),
  };
}
