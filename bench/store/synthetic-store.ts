/**
 * The 100,000-cell store the store and app benchmarks measure (5 datasets x 4 models x 10 attacks x
 * 5 rates x 20 defenses x 5 seeds, each cell with the three headline metrics and four detection
 * metrics: 700,000 metric rows), written through the store's own API as a run writes it. Cell
 * identities are sha256 hex, as real ones are.
 */
import { createHash } from "node:crypto";
import { type CellRecordInput, recordResults, registerCells, registerExperiment, type Store } from "@hemlock/store";

export const AXES = {
  dataset: ["mnist", "fashion-mnist", "digits", "adult", "spambase"],
  model: ["mlp", "badnets-cnn", "logistic-regression", "resnet-small"],
  attack: Array.from({ length: 10 }, (_, i) => `attack-${i}`),
  rate: [0, 0.01, 0.05, 0.1, 0.2],
  defense: Array.from({ length: 20 }, (_, i) => `defense-${i}`),
  seed: [1, 2, 3, 4, 5],
};

/** Fills the store; returns the number of cells written. */
export function fillSyntheticStore(store: Store): number {
  let n = 0;
  for (const dataset of AXES.dataset)
    for (const model of AXES.model) {
      const id = registerExperiment(store, `${dataset}-${model}`, `name: ${dataset}-${model}\n`);
      const records: CellRecordInput[] = [];
      for (const attack of AXES.attack)
        for (const rate of AXES.rate)
          for (const defense of AXES.defense)
            for (const seed of AXES.seed) {
              const setting = `${dataset}/${model}/${attack}/${rate}/${defense}`;
              records.push({
                identity: createHash("sha256").update(`${setting}/${seed}`).digest("hex"),
                config: { dataset, model, attack, rate, defense, seed },
                dataset,
                model,
                attack,
                rate,
                defense,
                seed,
                setting,
                comparison: `${dataset}/${model}/${attack}/${rate}`,
                chain: [],
              });
            }
      registerCells(store, id, records);
      const at = new Date();
      recordResults(
        store,
        records.map((r, i) => ({
          identity: r.identity,
          status: "finished" as const,
          metrics: {
            cleanAccuracy: 0.9 + (i % 7) / 100,
            attackSuccessRate: ((i * 37) % 100) / 100,
            robustAccuracy: ((i * 11) % 100) / 100,
            "detection.precision": ((i * 13) % 100) / 100,
            "detection.recall": ((i * 17) % 100) / 100,
            "detection.f1": ((i * 19) % 100) / 100,
            "detection.auroc": ((i * 23) % 100) / 100,
          },
          metricSpecVersion: "1.1.0",
          provenance: { seed: r.seed },
          startedAt: at,
          finishedAt: at,
        })),
      );
      n += records.length;
    }
  return n;
}
