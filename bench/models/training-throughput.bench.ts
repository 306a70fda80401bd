/**
 * bench/models/training-throughput: training samples/s of every built-in model on every backend
 * that loads here, at batch 128 on MNIST-shaped inputs (28x28x1, 10 classes), using the training
 * step every Hemlock model trains with (SGD, momentum 0.9). Writes
 * bench/results/training-throughput.json. Run: pnpm bench:training
 */
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { BACKEND_NAMES, buildOptimizer, Classifier, loadBackend, meanLoss, trainingStep } from "@hemlock/core";
import * as tf from "@tensorflow/tfjs";
import { timeInterleaved } from "../timing.js";

const MODELS = [
  { name: "logistic-regression" },
  { name: "linear-svm" },
  { name: "mlp", hidden: [256] },
  { name: "badnets-cnn" },
  { name: "resnet-small" },
];
const BATCH = 128;

async function main(): Promise<void> {
  console.log(
    `bench/models/training-throughput: ${cpus()[0]?.model}, ${cpus().length} cores, Node ${process.version}, batch ${BATCH}\n`,
  );
  const rows: { model: string; backend: string; samplesPerSecond?: number; msPerStep?: number; error?: string }[] = [];
  for (const backend of BACKEND_NAMES) {
    const loaded = await loadBackend(backend);
    if (!loaded.ok) {
      console.log(`${backend}: not available (${loaded.reason})`);
      continue;
    }
    await tf.setBackend(backend);
    for (const spec of MODELS) {
      const classifier = Classifier.create(spec, { inputShape: [28, 28, 1], classes: 10, seed: 1 });
      const optimizer = buildOptimizer({ name: "sgd", lr: 0.01, momentum: 0.9, weightDecay: 0 });
      const x = tf.randomUniform([BATCH, 28, 28, 1], 0, 1, "float32", 2);
      const labels = tf.tensor1d(
        Array.from({ length: BATCH }, (_, i) => i % 10),
        "int32",
      );
      const hooks = { loss: (logits: tf.Tensor2D, y: tf.Tensor1D) => meanLoss(classifier.plugin.loss, logits, y, 10) };
      // The pure-JS cpu backend takes 25 s and more per CNN step: one timed step there.
      const slow = backend === "cpu" && (spec.name === "badnets-cnn" || spec.name === "resnet-small");
      const times = await timeInterleaved(
        [{ name: "step", run: () => trainingStep(classifier.model, hooks, optimizer, x, labels, 0.01) }],
        1,
        { block: slow ? 1 : 12, warmup: slow ? 0 : 2 },
      );
      const t = times.get("step");
      const row =
        t && "ms" in t
          ? { samplesPerSecond: (BATCH * 1000) / t.ms, msPerStep: t.ms }
          : { error: t && "error" in t ? t.error : "?" };
      rows.push({ model: spec.name, backend, ...row });
      console.log(
        `${backend.padEnd(10)} ${spec.name.padEnd(20)} ${"samplesPerSecond" in row ? `${row.samplesPerSecond?.toFixed(0).padStart(7)} samples/s (${row.msPerStep?.toFixed(1)} ms/step)` : `fails: ${row.error}`}`,
      );
      tf.dispose([x, labels]);
      optimizer.dispose();
      classifier.dispose();
    }
  }
  const dir = new URL("../results/", import.meta.url);
  await mkdir(dir, { recursive: true });
  await writeFile(
    new URL("training-throughput.json", dir),
    `${JSON.stringify({ date: new Date().toISOString(), cpu: cpus()[0]?.model, batch: BATCH, rows }, null, 2)}\n`,
  );
}

await main();
