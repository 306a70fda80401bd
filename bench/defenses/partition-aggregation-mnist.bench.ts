/**
 * bench/defenses/partition-aggregation-mnist: deep partition aggregation on real MNIST against
 * BadNets: 50 MLPs, each trained on one hash partition of a 10k subset poisoned at rate 0.1
 * (target 0); clean accuracy, ASR and certified accuracy at several radii of the vote, and the
 * training time. Needs HEMLOCK_DATA_DIR. Writes bench/results/partition-aggregation-mnist.json.
 * Run: HEMLOCK_DATA_DIR=../shared/data pnpm bench:dpa
 */
import {
  backdoorMetrics,
  certifiedAccuracy,
  loadDataset,
  poisonDataset,
  selectBackend,
  trainDefended,
} from "@hemlock/core";
import { requireDataDir, writeResult } from "../real-data-bench.js";

const PARTITIONS = 50;
// About 200 images per partition: many epochs so each small base model converges.
const BASE_TRAIN = { epochs: 40, batchSize: 32, optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 } };

async function main(): Promise<void> {
  const dataDir = requireDataDir("bench/defenses/partition-aggregation-mnist", "real MNIST");
  const backend = await selectBackend("auto");
  const { train, test } = await loadDataset({ name: "mnist", subset: 10000 }, { dataDir });
  const poisoned = poisonDataset({ name: "badnets", target: 0 }, train, { rate: 0.1, seed: 1 });
  const rows = [];
  for (const [label, data] of [
    ["clean", train],
    ["badnets 10%", poisoned.train],
  ] as const) {
    const start = performance.now();
    const dpa = trainDefended(
      { name: "deep-partition-aggregation", partitions: PARTITIONS },
      { train: data, model: { name: "mlp" }, trainConfig: BASE_TRAIN, seed: 1 },
    );
    const ms = Math.round(performance.now() - start);
    const { predictions, radii } = dpa.certify?.(test) ?? { predictions: new Int32Array(), radii: new Int32Array() };
    const m = backdoorMetrics((d) => dpa.predict(d), test, poisoned.trigger, poisoned.semantics);
    dpa.dispose();
    const row = {
      training: label,
      partitions: PARTITIONS,
      base: "mlp",
      trainMs: ms,
      cleanAccuracy: m.cleanAccuracy,
      attackSuccessRate: m.attackSuccessRate,
      certifiedAccuracy: certifiedAccuracy(predictions, radii, test.labels, [0, 1, 2, 5, 10, 15, 20, 24]),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  await writeResult("partition-aggregation-mnist.json", { backend: backend.name, rows });
}

await main();
