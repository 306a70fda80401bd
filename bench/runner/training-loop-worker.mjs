// The machine's parallel ceiling for the runner's workload, with no runner in the way: a worker
// thread that trains an MLP of the benchmark grid's size on a fixed batch. It warms up, posts
// "ready", and on "go" runs its steps and posts "done". bench/runner times one such worker and
// two side by side, from "go" to the last "done", so start-up is excluded.
import { parentPort, workerData } from "node:worker_threads";
import { buildMlp, buildOptimizer, meanLoss, selectBackend, trainingStep } from "@hemlock/core";
import * as tf from "@tensorflow/tfjs";

await selectBackend(workerData.backend);
const model = buildMlp({ inputShape: [64], hidden: [128], classes: 10, seed: 1 });
const optimizer = buildOptimizer({ name: "sgd", lr: 0.05, momentum: 0.9, weightDecay: 0 });
const x = tf.randomUniform([64, 64], 0, 1, "float32", 2);
const labels = tf.tensor1d(
  Array.from({ length: 64 }, (_, i) => i % 10),
  "int32",
);
const hooks = { loss: (logits, y) => meanLoss("cross-entropy", logits, y, 10) };
const steps = (n) => {
  for (let i = 0; i < n; i++) trainingStep(model, hooks, optimizer, x, labels, 0.05);
};
steps(1000);
parentPort.once("message", () => {
  steps(workerData.steps);
  parentPort.postMessage("done");
});
parentPort.postMessage("ready");
