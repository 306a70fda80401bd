/**
 * A store filled as a small grid run would fill it (digits, an MLP, BadNets at two rates, three
 * defenses, five seeds), with metric values chosen by the test: for tests of the queries, reports
 * and bundles that need known numbers rather than trained models.
 */

import type { Store } from "../database/open-store.js";
import { type CellRecordInput, recordResults, registerCells, registerExperiment } from "../queries/cell-records.js";

export interface SyntheticCell {
  attack: string;
  rate: number;
  defense: string;
  seed: number;
}

export const SYNTHETIC_DEFENSES = ["none", "strip", "spectral-signatures"] as const;
export const SYNTHETIC_RATES = [0.05, 0.1] as const;
export const SYNTHETIC_SEEDS = [1, 2, 3, 4, 5] as const;

/** Registers and finishes the grid's cells; `values` gives each cell's metrics. */
export function fillSyntheticGrid(
  store: Store,
  values: (cell: SyntheticCell) => Record<string, number | null>,
  { experiment = "synthetic", attack = "badnets" } = {},
): number {
  const id = registerExperiment(store, experiment, `name: ${experiment}\n`);
  const records: CellRecordInput[] = [];
  for (const rate of SYNTHETIC_RATES)
    for (const defense of SYNTHETIC_DEFENSES)
      for (const seed of SYNTHETIC_SEEDS)
        records.push({
          identity: `${experiment}/${attack}/${rate}/${defense}/${seed}`,
          config: { attack, rate, defense, seed },
          dataset: "digits",
          model: "mlp",
          attack,
          rate,
          defense,
          seed,
          setting: `${attack}/${rate}/${defense}`,
          comparison: `${attack}/${rate}`,
          chain: [],
        });
  registerCells(store, id, records);
  const at = new Date(Date.UTC(2026, 10, 23));
  recordResults(
    store,
    records.map((r) => ({
      identity: r.identity,
      status: "finished" as const,
      metrics: values(r),
      metricSpecVersion: "1.1.0",
      provenance: { seed: r.seed, backend: "cpu" },
      startedAt: at,
      finishedAt: new Date(at.getTime() + 1000),
    })),
  );
  return id;
}
