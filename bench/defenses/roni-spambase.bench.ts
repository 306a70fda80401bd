/**
 * bench/defenses/roni-spambase: RONI (Nelson et al. 2008) where it was made for, a small linear
 * spam filter: logistic regression on UCI Spambase, poisoned with 10% random label flips or ALFA's
 * adversarial flips. Reports detection against the poison mask, test accuracy retrained on what
 * RONI keeps (against no defense and the perfect filter), and RONI's wall time. Needs
 * HEMLOCK_DATA_DIR. Writes bench/results/roni-spambase.json.
 * Run: HEMLOCK_DATA_DIR=../shared/data pnpm bench:roni
 */
import {
  Classifier,
  type Dataset,
  detectionMetrics,
  loadDataset,
  poisonDataset,
  sanitizeDataset,
  selectBackend,
} from "@hemlock/core";
import { requireDataDir, writeResult } from "../real-data-bench.js";

const TRAIN = { epochs: 30, batchSize: 64, optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 } };
const RATE = 0.1;

async function main(): Promise<void> {
  const dataDir = requireDataDir("bench/defenses/roni-spambase", "UCI Spambase");
  const backend = await selectBackend("auto");
  const { train, test } = await loadDataset({ name: "spambase" }, { dataDir });
  const accuracyAfterTraining = (data: Dataset) => {
    const m = Classifier.create("logistic-regression", { inputShape: train.exampleShape, classes: 2, seed: 1 });
    m.fit(data, TRAIN, { seed: 1 });
    const accuracy = m.accuracy(test);
    m.dispose();
    return accuracy;
  };
  const rows = [];
  for (const attack of ["label-flip", "alfa"]) {
    const poisoned = poisonDataset(attack, train, { rate: RATE, seed: 1 });
    const start = performance.now();
    const s = sanitizeDataset("roni", { train: poisoned.train, seed: 1 });
    const ms = Math.round(performance.now() - start);
    const perfect = sanitizeDataset("perfect-filter", { train: poisoned.train, mask: poisoned.mask, seed: 1 });
    const row = {
      attack,
      rate: RATE,
      trainSize: train.labels.length,
      roniMs: ms,
      removed: s.removed.reduce((a, b) => a + b, 0),
      ...detectionMetrics(s.scores, s.flagged, poisoned.mask),
      accuracyClean: accuracyAfterTraining(train),
      accuracyPoisoned: accuracyAfterTraining(poisoned.train),
      accuracyAfterRoni: accuracyAfterTraining(s.kept),
      accuracyAfterPerfectFilter: accuracyAfterTraining(perfect.kept),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  await writeResult("roni-spambase.json", { backend: backend.name, train: TRAIN, rows });
}

await main();
