/**
 * The attack targets of the attacks issue on real MNIST (gated on HEMLOCK_DATA_DIR). The CNN
 * runs use a stratified 10,000-image training subset (3 epochs) to fit CI; the test set is full.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AttackSpec,
  backdoorMetrics,
  biggioSetting,
  Classifier,
  type Dataset,
  loadDataset,
  poisonDataset,
  selectBackend,
} from "../src/index.js";
import { CNN_SUBSET_TRAIN, dataDir } from "./real-data-setup.js";

const lines: string[] = [];

beforeAll(async () => {
  await selectBackend("auto");
});
afterAll(() => console.log(`real-data attacks:\n  ${lines.join("\n  ")}`));

async function attackCnn(attack: AttackSpec, rate: number) {
  const { train, test } = await loadDataset({ name: "mnist", subset: 10000 }, dataDir ? { dataDir } : {});
  const poisoned = poisonDataset(attack, train, { rate, seed: 1 });
  const model = Classifier.create("badnets-cnn", { inputShape: [28, 28, 1], classes: 10, seed: 1 });
  model.fit(poisoned.train, CNN_SUBSET_TRAIN, { seed: 1 });
  // At rate 0 there is no poison, but the same trigger still defines the ASR population.
  const m = backdoorMetrics((d) => model.predict(d), test as Dataset, poisoned.trigger, poisoned.semantics);
  model.dispose();
  lines.push(
    `${attack.name} rate ${rate}: clean accuracy ${(100 * m.cleanAccuracy).toFixed(2)}%, ASR ${(100 * (m.attackSuccessRate ?? 0)).toFixed(2)}%, robust accuracy ${(100 * (m.robustAccuracy ?? 0)).toFixed(2)}% (${m.triggeredExamples} triggered test images)`,
  );
  return m;
}

describe.runIf(dataDir)("attacks on real MNIST (BadNets CNN, 10,000-image subset, 3 epochs)", () => {
  let clean: Awaited<ReturnType<typeof attackCnn>>;

  it("BadNets at rate 0: ASR <= 2%", async () => {
    clean = await attackCnn({ name: "badnets", target: 0 }, 0);
    expect(clean.attackSuccessRate).toBeLessThanOrEqual(0.02);
  }, 600_000);

  it("BadNets at rate 0.1: ASR >= 95% and clean accuracy within 1 pp of the unpoisoned model", async () => {
    const m = await attackCnn({ name: "badnets", target: 0 }, 0.1);
    expect(m.attackSuccessRate).toBeGreaterThanOrEqual(0.95);
    expect(clean.cleanAccuracy - m.cleanAccuracy).toBeLessThanOrEqual(0.01);
  }, 600_000);

  it("Blended at rate 0.1: ASR >= 90%", async () => {
    const m = await attackCnn({ name: "blended", alpha: 0.2, target: 0 }, 0.1);
    expect(m.attackSuccessRate).toBeGreaterThanOrEqual(0.9);
  }, 600_000);

  it("30% random label flips against logistic regression on full MNIST: a clear accuracy drop", async () => {
    const { train, test } = await loadDataset("mnist", dataDir ? { dataDir } : {});
    const accuracy = (data: Dataset) => {
      const model = Classifier.create("logistic-regression", { inputShape: [28, 28, 1], classes: 10, seed: 1 });
      model.fit(
        data,
        {
          epochs: 5,
          batchSize: 128,
          optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 },
          schedule: { name: "cosine" },
        },
        { seed: 1 },
      );
      const a = model.accuracy(test);
      model.dispose();
      return a;
    };
    const before = accuracy(train);
    const after = accuracy(poisonDataset("label-flip", train, { rate: 0.3, seed: 1 }).train);
    lines.push(
      `label-flip 30% vs logistic regression: test accuracy ${(100 * before).toFixed(2)}% -> ${(100 * after).toFixed(2)}%`,
    );
    expect(before - after).toBeGreaterThan(0.02);
  }, 600_000);

  it("Biggio et al. on MNIST 7 vs 1, 100 training points: one attack point raises test error by >= 5 pp", async () => {
    // As in the paper: 100 training and 500 validation points drawn from the training split, the
    // full 2,163-image test split; the victim is Hemlock's linear-svm (C 1) trained by SGD.
    const setting = await biggioSetting(dataDir);
    const attack = poisonDataset({ name: "gradient-poisoning", learner: "svm", C: 1 }, setting.train, {
      rate: 0.01,
      seed: 1,
      validation: setting.validation,
    });
    expect(attack.mask.reduce((a, b) => a + b, 0)).toBe(1);
    const before = setting.svmTestError(setting.train);
    const after = setting.svmTestError(attack.train);
    lines.push(
      `gradient-poisoning (Biggio), MNIST 7 vs 1, 100 training points + 1 attack point: linear SVM test error ${(100 * before).toFixed(2)}% -> ${(100 * after).toFixed(2)}% (attacker's smoothed-hinge validation loss ${attack.diagnostics?.validationLossBefore?.toFixed(3)} -> ${attack.diagnostics?.validationLossAfter?.toFixed(3)})`,
    );
    expect(after - before).toBeGreaterThanOrEqual(0.05);
  }, 600_000);

  it("ALFA against a linear SVM on MNIST 7 vs 1 at 10%: a larger accuracy drop than random flips", async () => {
    const { train, test } = await loadDataset("mnist-1-7", dataDir ? { dataDir } : {});
    const config = { epochs: 10, batchSize: 128, optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 } };
    const accuracy = (data: Dataset) => {
      const svm = Classifier.create("linear-svm", { inputShape: [28, 28, 1], classes: 2, seed: 1 });
      svm.fit(data, config, { seed: 1 });
      const a = svm.accuracy(test);
      svm.dispose();
      return a;
    };
    const clean = accuracy(train);
    const random = accuracy(poisonDataset("label-flip", train, { rate: 0.1, seed: 1 }).train);
    const adversarial = accuracy(
      poisonDataset({ name: "alfa", surrogate: { name: "linear-svm" }, surrogateTrain: config }, train, {
        rate: 0.1,
        seed: 1,
      }).train,
    );
    lines.push(
      `ALFA vs random flips at 10%, linear SVM on MNIST 7 vs 1: test accuracy clean ${(100 * clean).toFixed(2)}%, random ${(100 * random).toFixed(2)}%, ALFA ${(100 * adversarial).toFixed(2)}%`,
    );
    expect(adversarial).toBeLessThan(random - 0.03);
  }, 600_000);
});
