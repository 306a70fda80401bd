/**
 * The values of the options that select results for the reading commands (declared in
 * filter-options.ts): --experiment, --dataset, --model, --attack, --defense, --rate and --metric,
 * turned into the store's CellFilter with each value checked against what the store holds, so a typo gets the
 * names that exist rather than an empty table.
 */
import { checkPoisoningRate, HemlockError } from "@hemlock/core/portable";
import { type CellFilter, findExperiment, listExperiments, metricNames, type Store } from "@hemlock/store";

export function resultFilter(store: Store, options: Record<string, unknown>): CellFilter {
  const filter: CellFilter = {};
  if (typeof options.experiment === "string") {
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
  for (const key of ["dataset", "model", "attack", "defense"] as const)
    if (typeof options[key] === "string") filter[key] = options[key] as string;
  if (options.rate !== undefined) filter.rate = checkPoisoningRate(options.rate, "--rate");
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
export function nothingSelected(store: Store, options: Record<string, unknown>): HemlockError {
  const given = ["experiment", "dataset", "model", "attack", "defense", "rate"]
    .filter((k) => options[k] !== undefined)
    .map((k) => `--${k} ${String(options[k])}`);
  return new HemlockError(
    "INVALID_ARGUMENT",
    `no finished cells in ${store.path}${given.length > 0 ? ` match ${given.join(" ")}` : ""}`,
    "`hemlock show EXPERIMENT` lists the cells and their labels.",
  );
}

/** --alpha as a number in (0, 1). */
export function significanceLevel(options: Record<string, unknown>): number {
  const alpha = Number(options.alpha);
  if (!(alpha > 0 && alpha < 1))
    throw new HemlockError("INVALID_ARGUMENT", `--alpha: expected a number in (0, 1), got "${String(options.alpha)}"`);
  return alpha;
}
