/**
 * bench/defenses/sanitizers-mnist: how the sanitizing defenses fare against BadNets on real MNIST,
 * and what they cost: the BadNets CNN trained on a 10k subset poisoned at rate 0.1 (of the whole
 * set; target 0), each defense's detection metrics against the poison mask, and a fresh model
 * trained on what it kept. Needs HEMLOCK_DATA_DIR. Writes bench/results/sanitizers-mnist.json.
 * Run: HEMLOCK_DATA_DIR=../shared/data pnpm bench:defenses
 */
import {
  backdoorMetrics,
  Classifier,
  type Dataset,
  detectionMetrics,
  loadDataset,
  poisonDataset,
  sanitizeDataset,
  selectBackend,
} from "@hemlock/core";
import { requireDataDir, writeResult } from "../real-data-bench.js";

const CASES = [
  { name: "knn-label-sanitization" },
  { name: "spectral-signatures" },
  { name: "sphere-slab", shape: "sphere" },
  { name: "trim", iterations: 3 },
  { name: "activation-clustering" },
  { name: "activation-clustering", decide: "exclusionary-reclassification" },
  { name: "activation-clustering", reduction: "pca", criterion: "silhouette" },
  { name: "activation-clustering", reduction: "pca", criterion: "silhouette", decide: "exclusionary-reclassification" },
  { name: "activation-clustering", reduction: "pca", decide: "input-neighbours" },
];
const TRAIN = {
  epochs: 3,
  batchSize: 64,
  optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 },
  schedule: { name: "cosine" },
};

async function main(): Promise<void> {
  const dataDir = requireDataDir("bench/defenses/sanitizers-mnist", "real MNIST");
  const backend = await selectBackend("auto");
  const { train, test } = await loadDataset({ name: "mnist", subset: 10000 }, { dataDir });
  const rate = 0.1;
  const poisoned = poisonDataset({ name: "badnets", target: 0 }, train, { rate, seed: 1 });
  const fit = (data: Dataset) => {
    const model = Classifier.create("badnets-cnn", { inputShape: [28, 28, 1], classes: 10, seed: 1 });
    model.fit(data, TRAIN, { seed: 1 });
    return model;
  };
  const evaluate = (model: Classifier) =>
    backdoorMetrics((d) => model.predict(d), test, poisoned.trigger, poisoned.semantics);
  const model = fit(poisoned.train);
  const before = evaluate(model);
  console.log(
    `backend ${backend.name}; poisoned model: clean ${before.cleanAccuracy}, ASR ${before.attackSuccessRate}`,
  );
  const rows: Record<string, unknown>[] = [];
  for (const spec of CASES) {
    const start = performance.now();
    const s = sanitizeDataset(spec, {
      train: poisoned.train,
      model,
      expectedPoisonRate: rate,
      seed: 1,
      mask: poisoned.mask,
      retrain: fit,
    });
    const ms = Math.round(performance.now() - start);
    const detection = detectionMetrics(s.scores, s.flagged, poisoned.mask);
    const defended = fit(s.kept);
    const after = evaluate(defended);
    defended.dispose();
    const row = {
      defense: spec,
      ms,
      removed: s.removed.reduce((a, b) => a + b, 0),
      flagged: s.flagged.reduce((a, b) => a + b, 0),
      ...detection,
      diagnostics: s.diagnostics,
      cleanAccuracyAfter: after.cleanAccuracy,
      asrAfter: after.attackSuccessRate,
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  model.dispose();

  await writeResult("sanitizers-mnist.json", {
    backend: backend.name,
    attack: { name: "badnets", target: 0, rate },
    before,
    rows,
  });
}

await main();
