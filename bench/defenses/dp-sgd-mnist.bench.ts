/**
 * bench/defenses/dp-sgd-mnist: DP-SGD against BadNets on real MNIST (Hong et al. 2020's question:
 * does bounding each example's gradient blunt a backdoor?). An MLP 784-256-10 on a 10k subset
 * poisoned at rate 0.01 or 0.1 (target 0) or clean, trained plainly and with DP-SGD at several noise multipliers;
 * clean accuracy, ASR, the epsilon spent at delta 1e-5, and the training time. Needs
 * HEMLOCK_DATA_DIR. Writes bench/results/dp-sgd-mnist.json.
 * Run: HEMLOCK_DATA_DIR=../shared/data pnpm bench:dp-sgd
 */
import { backdoorMetrics, Classifier, loadDataset, poisonDataset, selectBackend, trainDefended } from "@hemlock/core";
import { requireDataDir, writeResult } from "../real-data-bench.js";

const TRAIN = { epochs: 5, batchSize: 256, optimizer: { name: "sgd", lr: 0.1, momentum: 0.9 } };
const PLAIN_TRAIN = { epochs: 5, batchSize: 256, optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 } };
const SETTINGS = [
  { clipNorm: 1, noiseMultiplier: 0 },
  { clipNorm: 1, noiseMultiplier: 0.5 },
  { clipNorm: 1, noiseMultiplier: 1.1 },
];

async function main(): Promise<void> {
  const dataDir = requireDataDir("bench/defenses/dp-sgd-mnist", "real MNIST");
  const backend = await selectBackend("auto");
  const { train, test } = await loadDataset({ name: "mnist", subset: 10000 }, { dataDir });
  const poisoned = poisonDataset({ name: "badnets", target: 0 }, train, { rate: 0.1, seed: 1 });
  const few = poisonDataset({ name: "badnets", target: 0 }, train, { rate: 0.01, seed: 1 });
  const rows = [];
  for (const [label, data] of [
    ["badnets 1%", few.train],
    ["badnets 10%", poisoned.train],
    ["clean", train],
  ] as const) {
    let start = performance.now();
    const plain = Classifier.create("mlp", { inputShape: train.exampleShape, classes: 10, seed: 1 });
    plain.fit(data, PLAIN_TRAIN, { seed: 1 });
    const m = backdoorMetrics((d) => plain.predict(d), test, poisoned.trigger, poisoned.semantics);
    plain.dispose();
    rows.push({ training: label, defense: "none", trainMs: Math.round(performance.now() - start), ...pick(m) });
    console.log(JSON.stringify(rows.at(-1)));
    for (const setting of SETTINGS) {
      start = performance.now();
      const p = trainDefended(
        { name: "dp-sgd", ...setting },
        { train: data, model: { name: "mlp" }, trainConfig: TRAIN, seed: 1 },
      );
      const trainMs = Math.round(performance.now() - start);
      const d = backdoorMetrics((x) => p.predict(x), test, poisoned.trigger, poisoned.semantics);
      rows.push({ training: label, defense: "dp-sgd", ...setting, trainMs, ...pick(d), ...p.diagnostics });
      p.dispose();
      console.log(JSON.stringify(rows.at(-1)));
    }
  }
  await writeResult("dp-sgd-mnist.json", { backend: backend.name, train: TRAIN, plainTrain: PLAIN_TRAIN, rows });
}

function pick(m: { cleanAccuracy: number; attackSuccessRate?: number }) {
  return { cleanAccuracy: m.cleanAccuracy, attackSuccessRate: m.attackSuccessRate };
}

await main();
