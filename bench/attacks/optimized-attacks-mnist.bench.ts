/**
 * bench/attacks/optimized-attacks-mnist: what the optimized attacks achieve on real MNIST, and how
 * long crafting takes: gradient poisoning (SVM and LR learners) on MNIST 7 vs 1 with 100 training
 * points, label-consistent against the BadNets CNN, and feature collision against an MLP retrained
 * end to end. Needs HEMLOCK_DATA_DIR. Writes bench/results/optimized-attacks-mnist.json.
 * Run: HEMLOCK_DATA_DIR=../shared/data pnpm bench:attacks
 */
import { mkdir, writeFile } from "node:fs/promises";
import {
  backdoorMetrics,
  biggioSetting,
  Classifier,
  loadDataset,
  poisonDataset,
  selectBackend,
  targetedMetrics,
} from "@hemlock/core";

const dataDir = process.env.HEMLOCK_DATA_DIR;
const SGD = { name: "sgd", lr: 0.05, momentum: 0.9 };
const rows: Record<string, unknown>[] = [];

function record(row: Record<string, unknown>): void {
  rows.push(row);
  console.log(JSON.stringify(row));
}

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, Math.round(performance.now() - start)];
}

async function gradientPoisoning(): Promise<void> {
  const setting = await biggioSetting(dataDir);
  const before = setting.svmTestError(setting.train);
  for (const learner of ["svm", "logistic"]) {
    const [attack, ms] = timed(() =>
      poisonDataset({ name: "gradient-poisoning", learner }, setting.train, {
        rate: 0.01,
        seed: 1,
        validation: setting.validation,
      }),
    );
    record({
      attack: "gradient-poisoning",
      learner,
      setting: "MNIST 7 vs 1, 100 training + 500 validation points, 1 attack point, linear-svm victim",
      craftMs: ms,
      testErrorBefore: before,
      testErrorAfter: setting.svmTestError(attack.train),
      ...attack.diagnostics,
    });
  }
}

async function labelConsistent(): Promise<void> {
  const { train, test } = await loadDataset({ name: "mnist", subset: 10000 }, dataDir ? { dataDir } : {});
  const cnnTrain = { epochs: 3, batchSize: 64, optimizer: SGD, schedule: { name: "cosine" } };
  const cases = [
    { epsilon: 16, surrogate: "mlp", rate: 0.5, steps: 20 },
    { epsilon: 32, surrogate: "mlp", rate: 0.5, steps: 20 },
    { epsilon: 64, surrogate: "mlp", rate: 0.5, steps: 20 },
    { epsilon: 32, surrogate: "badnets-cnn", rate: 0.5, steps: 20 },
    { epsilon: 64, surrogate: "badnets-cnn", rate: 0.95, steps: 40 },
  ];
  for (const c of cases) {
    const spec = {
      name: "label-consistent",
      epsilon: c.epsilon,
      steps: c.steps,
      ...(c.surrogate === "badnets-cnn"
        ? { surrogate: { name: "badnets-cnn" }, surrogateTrain: { epochs: 2, batchSize: 64, optimizer: SGD } }
        : {}),
    };
    const [poisoned, ms] = timed(() => poisonDataset(spec, train, { rate: c.rate, seed: 1 }));
    const victim = Classifier.create("badnets-cnn", { inputShape: [28, 28, 1], classes: 10, seed: 1 });
    victim.fit(poisoned.train, cnnTrain, { seed: 1 });
    const m = backdoorMetrics((d) => victim.predict(d), test, poisoned.trigger, poisoned.semantics);
    victim.dispose();
    record({
      attack: "label-consistent",
      setting: "MNIST 10k subset, a share (rate) of class 0 poisoned, BadNets CNN victim, 3 epochs",
      ...c,
      craftMs: ms,
      cleanAccuracy: m.cleanAccuracy,
      attackSuccessRate: m.attackSuccessRate,
    });
  }
}

async function featureCollision(): Promise<void> {
  const { train, test } = await loadDataset({ name: "mnist", subset: 10000 }, dataDir ? { dataDir } : {});
  let misclassified = 0;
  let intended = 0;
  const targets = 10;
  for (let seed = 1; seed <= targets; seed++) {
    const [poisoned, ms] = timed(() =>
      poisonDataset({ name: "feature-collision", target: 0, watermark: 0.3 }, train, { rate: 0.005, seed, test }),
    );
    const victim = Classifier.create("mlp", { inputShape: [28, 28, 1], classes: 10, seed: 100 + seed });
    victim.fit(poisoned.train, { epochs: 2, batchSize: 128, optimizer: SGD }, { seed: 100 + seed });
    const m = targetedMetrics((d) => victim.predict(d), test, poisoned.targets as NonNullable<typeof poisoned.targets>);
    victim.dispose();
    misclassified += m.targetedAttackSuccess;
    intended += m.intendedLabelRate;
    record({ attack: "feature-collision", seed, craftMs: ms, ...m.perTarget[0], ...poisoned.diagnostics });
  }
  record({
    attack: "feature-collision",
    setting: "MNIST 10k subset, 50 poisons of class 0, watermark 0.3, MLP victim retrained end to end",
    targets,
    targetedAttackSuccess: misclassified / targets,
    intendedLabelRate: intended / targets,
  });
}

async function main(): Promise<void> {
  if (!dataDir) {
    console.error("bench/attacks/optimized-attacks-mnist needs HEMLOCK_DATA_DIR (real MNIST)");
    process.exit(1);
  }
  const backend = await selectBackend("auto");
  console.log(`backend: ${backend.name}`);
  await gradientPoisoning();
  await labelConsistent();
  await featureCollision();
  await mkdir(new URL("../results/", import.meta.url), { recursive: true });
  await writeFile(
    new URL("../results/optimized-attacks-mnist.json", import.meta.url),
    `${JSON.stringify({ backend: backend.name, rows }, null, 2)}\n`,
  );
}

await main();
