/**
 * The metrics a store, or one experiment, records: each with its title, family and better
 * direction, and the metric a board opens on (attack success rate where recorded, else clean
 * accuracy), so a page offers only metrics that have values and never guesses a direction.
 */
import {
  isProportion,
  METRIC_GROUPS,
  type MetricDirection,
  type MetricGroup,
  metricDirection,
  metricGroup,
  metricName,
} from "@hemlock/core/metric-names";
import type { Store } from "../database/open-store.js";
import { metricNames } from "./leaderboard.js";

export interface MetricInfo {
  name: string;
  /** "attack success rate (%)". */
  title: string;
  group: MetricGroup;
  direction: MetricDirection;
  proportion: boolean;
}

export function metricInfo(name: string): MetricInfo {
  return {
    name,
    title: `${metricName(name)}${isProportion(name) ? " (%)" : ""}`,
    group: metricGroup(name),
    direction: metricDirection(name),
    proportion: isProportion(name),
  };
}

/** The store's metrics, or those with at least one value in the experiment's cells, in group order. */
export function metricCatalog(store: Store, experimentId?: number): MetricInfo[] {
  let names = metricNames(store);
  if (experimentId !== undefined) {
    // Per name, the experiment's cells in turn, each an indexed probe of its metrics, stopping at
    // the first value. CROSS JOIN keeps that order: led by the metric's index, SQLite would walk
    // every cell's value of the name until one is the experiment's (600 ms over 100k cells for an
    // experiment recorded late; under 1 ms this way).
    const has = store.sqlite.prepare(
      `SELECT 1 FROM experiment_cells ec CROSS JOIN metrics m ON m.identity = ec.identity AND m.name = ?
       WHERE ec.experiment_id = ? AND m.value IS NOT NULL LIMIT 1`,
    );
    names = names.filter((name) => has.get(name, experimentId) !== undefined);
  }
  return names
    .map(metricInfo)
    .sort((a, b) => METRIC_GROUPS.indexOf(a.group) - METRIC_GROUPS.indexOf(b.group) || compareNames(a.name, b.name));
}

/** The metric a board opens on: ASR when recorded, then clean accuracy, then the first headline one. */
export function defaultMetric(catalog: readonly MetricInfo[]): string | undefined {
  for (const preferred of ["attackSuccessRate", "cleanAccuracy"])
    if (catalog.some((m) => m.name === preferred)) return preferred;
  return catalog[0]?.name;
}

/** Natural order, so attackSuccessRate.from10 follows from9. */
function compareNames(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
