/**
 * Defense targets of the defenses issue on real MNIST (gated on HEMLOCK_DATA_DIR): the BadNets CNN
 * trained on a 10,000-image subset poisoned by BadNets at rate 0.1, all-to-one (target 0, 3
 * epochs) and all-to-all (l -> l+1, the activation-clustering paper's MNIST setting, 8 epochs,
 * since the all-to-all backdoor takes longer to learn). All-to-one makes half of label 0 poison,
 * past what spectral signatures assumes; all-to-all puts about 10% poison in every label. The
 * other sanitizers' real-data results are measured by `pnpm bench:defenses` and reported in
 * docs/defenses.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backdoorMetrics,
  Classifier,
  type Dataset,
  detectionMetrics,
  evaluateInputDetector,
  fitInputDetector,
  gatherBatch,
  loadDataset,
  type PoisonResult,
  poisonDataset,
  repairModel,
  sanitizeDataset,
  selectBackend,
} from "../src/index.js";
import { CNN_SUBSET_TRAIN, dataDir } from "./real-data-setup.js";

const lines: string[] = [];

afterAll(() => console.log(`real-data defenses:\n  ${lines.join("\n  ")}`));

describe.runIf(dataDir)("defenses against BadNets on real MNIST (BadNets CNN, 10,000-image subset)", () => {
  let test: Dataset;
  let poisoned: PoisonResult;
  let model: Classifier;
  let cleanTrain: Dataset;
  /** The listed test images; the first 1,000 are the defender's clean holdout. */
  const images = (indices: ArrayLike<number>) => ({ ...test, ...gatherBatch(test, Int32Array.from(indices)) });
  const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  const fit = (data: Dataset) => {
    const m = Classifier.create("badnets-cnn", { inputShape: [28, 28, 1], classes: 10, seed: 1 });
    m.fit(data, CNN_SUBSET_TRAIN, { seed: 1 });
    return m;
  };

  beforeAll(async () => {
    await selectBackend("auto");
    const splits = await loadDataset({ name: "mnist", subset: 10000 }, dataDir ? { dataDir } : {});
    test = splits.test;
    cleanTrain = splits.train;
    poisoned = poisonDataset({ name: "badnets", target: 0 }, splits.train, { rate: 0.1, seed: 1 });
    model = fit(poisoned.train);
  }, 600_000);

  it("STRIP flags >= 90% of triggered inputs at a 5% false-rejection threshold", () => {
    const holdout = images(span(0, 1000));
    const detector = fitInputDetector("strip", { model, holdout, seed: 1 });
    const inputs = images([...test.labels.keys()].filter((i) => i >= 1000 && test.labels[i] !== 0).slice(0, 500));
    const m = evaluateInputDetector(detector, inputs, poisoned.trigger as NonNullable<PoisonResult["trigger"]>);
    lines.push(
      `STRIP (100 overlays, threshold at 5% FRR on 1,000 held test images): ${(100 * m.flaggedTriggered).toFixed(1)}% of 500 triggered inputs flagged, ${(100 * m.flaggedClean).toFixed(1)}% of the same 500 clean, AUROC ${m.auroc.toFixed(4)}`,
    );
    expect(m.flaggedTriggered).toBeGreaterThanOrEqual(0.9);
    expect(m.flaggedClean).toBeLessThanOrEqual(0.1);
  }, 600_000);

  it("activation clustering (PCA, input-neighbour check): F1 >= 0.9, and retraining on what it keeps leaves ASR <= 5%", () => {
    const s = sanitizeDataset(
      { name: "activation-clustering", reduction: "pca", decide: "input-neighbours" },
      { train: poisoned.train, model, seed: 1 },
    );
    const d = detectionMetrics(s.scores, s.flagged, poisoned.mask);
    const defended = fit(s.kept);
    const after = backdoorMetrics((x) => defended.predict(x), test, poisoned.trigger, poisoned.semantics);
    defended.dispose();
    lines.push(
      `activation clustering (PCA, input-neighbours): removed ${s.removed.reduce((a, b) => a + b, 0)}, precision ${d.precision.toFixed(3)}, recall ${d.recall.toFixed(3)}, F1 ${d.f1.toFixed(3)}, AUROC ${d.auroc.toFixed(3)}; retrained: clean accuracy ${(100 * after.cleanAccuracy).toFixed(2)}%, ASR ${(100 * (after.attackSuccessRate ?? 0)).toFixed(2)}%`,
    );
    expect(d.f1).toBeGreaterThanOrEqual(0.9);
    expect(after.attackSuccessRate).toBeLessThanOrEqual(0.05);
  }, 600_000);

  it("Fine-Pruning with 1,000 held clean test images: reported, and ASR falls", () => {
    const [holdout, rest] = [images(span(0, 1000)), images(span(1000, test.labels.length))];
    const before = backdoorMetrics((x) => model.predict(x), rest, poisoned.trigger, poisoned.semantics);
    const { model: repaired, diagnostics } = repairModel("fine-pruning", { model, holdout, seed: 1 });
    const after = backdoorMetrics((x) => repaired.predict(x), rest, poisoned.trigger, poisoned.semantics);
    repaired.dispose();
    lines.push(
      `Fine-Pruning (conv2, 4% accuracy budget, 5 fine-tuning epochs on 1,000 held test images): ${diagnostics?.prunedChannels} of ${diagnostics?.channels} channels pruned; on the other 9,000 test images ASR ${(100 * (before.attackSuccessRate ?? 0)).toFixed(2)}% -> ${(100 * (after.attackSuccessRate ?? 0)).toFixed(2)}%, clean accuracy ${(100 * before.cleanAccuracy).toFixed(2)}% -> ${(100 * after.cleanAccuracy).toFixed(2)}%`,
    );
    expect(after.attackSuccessRate).toBeLessThan((before.attackSuccessRate ?? 0) - 0.2);
    expect(before.cleanAccuracy - after.cleanAccuracy).toBeLessThanOrEqual(0.02);
  }, 600_000);

  it("Neural Cleanse: anomaly index > 2 on the backdoored model, <= 2 on the clean one; unlearning cuts ASR", () => {
    const [holdout, rest] = [images(span(0, 1000)), images(span(1000, test.labels.length))];
    const before = backdoorMetrics((x) => model.predict(x), rest, poisoned.trigger, poisoned.semantics);
    const started = performance.now();
    const { model: repaired, diagnostics: d = {} } = repairModel(
      { name: "neural-cleanse", searchImages: 500 },
      { model, holdout, seed: 1 },
    );
    const seconds = (performance.now() - started) / 1000;
    const after = backdoorMetrics((x) => repaired.predict(x), rest, poisoned.trigger, poisoned.semantics);
    repaired.dispose();
    const clean = fit(cleanTrain);
    const { model: cleanCopy, diagnostics: c = {} } = repairModel(
      { name: "neural-cleanse", searchImages: 500 },
      {
        model: clean,
        holdout,
        seed: 1,
      },
    );
    cleanCopy.dispose();
    clean.dispose();
    const norms = (diag: Record<string, number>) =>
      Array.from({ length: 10 }, (_, k) => (diag[`maskNorm.${k}`] as number).toFixed(1)).join(" ");
    lines.push(
      `Neural Cleanse (1,000 held test images; ${seconds.toFixed(0)} s for the backdoored model): backdoored model anomaly index ${d.anomalyIndex?.toFixed(2)} (flagged label ${d.flaggedLabel}; mask L1 by label ${norms(d)}); clean model ${c.anomalyIndex?.toFixed(2)} (${norms(c)}); unlearning on the other 9,000 test images: ASR ${(100 * (before.attackSuccessRate ?? 0)).toFixed(2)}% -> ${(100 * (after.attackSuccessRate ?? 0)).toFixed(2)}%, clean accuracy ${(100 * before.cleanAccuracy).toFixed(2)}% -> ${(100 * after.cleanAccuracy).toFixed(2)}%`,
    );
    expect(d.anomalyIndex).toBeGreaterThan(2);
    expect(d.flaggedLabel).toBe(0);
    expect(c.anomalyIndex).toBeLessThanOrEqual(2);
    expect(after.attackSuccessRate).toBeLessThan(0.2);
  }, 1_200_000);

  it("perfect-filter: detection is exact and the retrained model carries no backdoor", () => {
    const s = sanitizeDataset("perfect-filter", { train: poisoned.train, mask: poisoned.mask, seed: 1 });
    const d = detectionMetrics(s.scores, s.removed, poisoned.mask);
    expect([d.precision, d.recall]).toEqual([1, 1]);
    const before = backdoorMetrics((x) => model.predict(x), test, poisoned.trigger, poisoned.semantics);
    const defended = fit(s.kept);
    const after = backdoorMetrics((x) => defended.predict(x), test, poisoned.trigger, poisoned.semantics);
    defended.dispose();
    lines.push(
      `perfect-filter: ASR ${(100 * (before.attackSuccessRate ?? 0)).toFixed(2)}% -> ${(100 * (after.attackSuccessRate ?? 0)).toFixed(2)}%, clean accuracy ${(100 * before.cleanAccuracy).toFixed(2)}% -> ${(100 * after.cleanAccuracy).toFixed(2)}% (${s.kept.labels.length} examples kept)`,
    );
    expect(after.attackSuccessRate).toBeLessThanOrEqual(0.02);
  }, 600_000);
});

describe.runIf(dataDir)("defenses against all-to-all BadNets on real MNIST (BadNets CNN, 10,000-image subset)", () => {
  it("spectral signatures: recall >= 0.9, and retraining on what it keeps leaves ASR <= 5%", async () => {
    await selectBackend("auto");
    const { train, test } = await loadDataset({ name: "mnist", subset: 10000 }, dataDir ? { dataDir } : {});
    const poisoned = poisonDataset({ name: "badnets", mapping: "all-to-all" }, train, { rate: 0.1, seed: 1 });
    const config = { ...CNN_SUBSET_TRAIN, epochs: 8 };
    const fit = (data: Dataset) => {
      const m = Classifier.create("badnets-cnn", { inputShape: [28, 28, 1], classes: 10, seed: 1 });
      m.fit(data, config, { seed: 1 });
      return m;
    };
    const model = fit(poisoned.train);
    const before = backdoorMetrics((x) => model.predict(x), test, poisoned.trigger, poisoned.semantics);
    const s = sanitizeDataset("spectral-signatures", {
      train: poisoned.train,
      model,
      expectedPoisonRate: 0.1,
      seed: 1,
    });
    const d = detectionMetrics(s.scores, s.flagged, poisoned.mask);
    const ac = sanitizeDataset("activation-clustering", { train: poisoned.train, model, seed: 1 });
    const a = detectionMetrics(ac.scores, ac.flagged, poisoned.mask);
    model.dispose();
    const defended = fit(s.kept);
    const after = backdoorMetrics((x) => defended.predict(x), test, poisoned.trigger, poisoned.semantics);
    defended.dispose();
    lines.push(
      `all-to-all BadNets 0.1 (8 epochs): clean accuracy ${(100 * before.cleanAccuracy).toFixed(2)}%, ASR ${(100 * (before.attackSuccessRate ?? 0)).toFixed(2)}%; spectral signatures removed ${s.removed.reduce((x, y) => x + y, 0)}, precision ${d.precision.toFixed(3)}, recall ${d.recall.toFixed(3)}; retrained: clean accuracy ${(100 * after.cleanAccuracy).toFixed(2)}%, ASR ${(100 * (after.attackSuccessRate ?? 0)).toFixed(2)}%; activation clustering (paper defaults: ICA, smaller cluster) precision ${a.precision.toFixed(3)}, recall ${a.recall.toFixed(3)}, F1 ${a.f1.toFixed(3)}`,
    );
    expect(before.attackSuccessRate).toBeGreaterThan(0.8);
    expect(d.recall).toBeGreaterThanOrEqual(0.9);
    expect(after.attackSuccessRate).toBeLessThanOrEqual(0.05);
  }, 1_200_000);
});
