/**
 * Records a planned experiment before anything runs: the experiment (its name and file text) and
 * every cell with its identity, configuration, axis labels, the hashes that group it into
 * settings and comparisons, and its artifact chain.
 */
import { contentHash } from "@hemlock/core";
import { registerCells, registerExperiment, type Store } from "@hemlock/store";
import type { ExperimentPlan } from "../artifacts/plan-experiment.js";
import { type AxisLabels, axisLabels } from "../cells/axis-labels.js";

/** Registers the plan's experiment and cells; returns the experiment's id. */
export function registerPlan(store: Store, plan: ExperimentPlan): number {
  const experimentId = registerExperiment(store, plan.parsed.spec.name, plan.parsed.source.text);
  const labels = axisLabels(plan.cells.map((c) => c.config));
  registerCells(
    store,
    experimentId,
    plan.cells.map(({ identity, config, chain }, i) => {
      const { seed: _seed, ...setting } = config;
      const { defense: _defense, ...comparable } = setting;
      return {
        identity,
        config,
        ...(labels[i] as AxisLabels),
        rate: config.rate,
        seed: config.seed,
        setting: contentHash(setting),
        comparison: contentHash(comparable),
        chain,
      };
    }),
  );
  return experimentId;
}
