/**
 * The values of the options that select results for the reading commands (declared in
 * filter-options.ts): --experiment, --dataset, --model, --attack, --defense, --rate and --metric,
 * turned into the store's CellFilter with each value checked against what the store holds, so a typo gets the
 * names that exist rather than an empty table.
 */
import { HemlockError } from "@hemlock/core/portable";
import { type CellFilter, findExperiment, listExperiments, metricNames, type Store } from "@hemlock/store";
import type { filterFields, OptionValues } from "./options/shared-tables.js";

/** The filter options' values, checked and typed by the command's option table. */
export type FilterValues = OptionValues<typeof filterFields>;

export function resultFilter(store: Store, options: FilterValues): CellFilter {
  const filter: CellFilter = {};
  if (options.experiment !== undefined) {
    const id = findExperiment(store, options.experiment);
    if (id === undefined)
      throw new HemlockError(
        "UNKNOWN_NAME",
        `--experiment: no experiment "${options.experiment}" in ${store.path}`,
        `Experiments there: ${listExperiments(store)
          .map((e) => e.name)
          .join(", ")}.`,
      );
    filter.experimentId = id;
  }
  for (const key of ["dataset", "model", "attack", "defense"] as const) {
    const value = options[key];
    if (value !== undefined) filter[key] = value;
  }
  if (options.rate !== undefined) filter.rate = options.rate;
  return filter;
}

/** Checks metric names against those the store holds. */
export function checkMetrics(store: Store, metrics: string[]): string[] {
  const known = metricNames(store);
  for (const metric of metrics)
    if (!known.includes(metric))
      throw new HemlockError(
        "UNKNOWN_NAME",
        `--metric: no metric "${metric}" in ${store.path}`,
        `Metrics there: ${known.join(", ") || "none (no finished cells)"}.`,
      );
  return metrics;
}

/** An error for a selection that matched nothing, naming the filter. */
export function nothingSelected(store: Store, options: FilterValues): HemlockError {
  const given = ["experiment", "dataset", "model", "attack", "defense", "rate"]
    .filter((k) => options[k as keyof FilterValues] !== undefined)
    .map((k) => `--${k} ${String(options[k as keyof FilterValues])}`);
  return new HemlockError(
    "INVALID_ARGUMENT",
    `no finished cells in ${store.path}${given.length > 0 ? ` match ${given.join(" ")}` : ""}`,
    "`hemlock show EXPERIMENT` lists the cells and their labels.",
  );
}
