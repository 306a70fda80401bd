/**
 * Neural Cleanse (Wang et al. 2019): a backdoor is a shortcut, so the trigger that sends every
 * input to the infected label is far smaller than what any other label needs. For each label the
 * smallest trigger is reverse-engineered on the defender's clean holdout; labels whose mask norm
 * lies below the median with an anomaly index (MAD-based) above the threshold are flagged, and the
 * model's anomaly index is the largest such index among below-median labels. Mitigation is the
 * paper's unlearning: fine-tune a copy on the holdout with a share of it stamped with the
 * reversed triggers and kept at their true labels. A model with no flagged label comes back as an
 * unchanged copy.
 */
import { z } from "zod";
import { exampleSize, gatherBatch } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { anomalyIndices } from "../analysis/median-absolute-deviation.js";
import { type ReversedTrigger, reverseEngineerTrigger, stampTrigger } from "../analysis/trigger-reverse-engineering.js";
import { defineDefense } from "../define-defense.js";
import { holdoutFineTuneSchema } from "../model-repair/holdout-fine-tuning.js";

export const neuralCleanse = defineDefense({
  name: "neural-cleanse",
  summary:
    "reverse-engineers the smallest trigger for every label, flags labels with an outlying small mask (MAD anomaly index), and unlearns their triggers",
  citation:
    "B. Wang, Y. Yao, S. Shan, H. Li, B. Viswanath, H. Zheng, B.Y. Zhao. Neural Cleanse: identifying and mitigating backdoor attacks in neural networks. IEEE S&P 2019.",
  kind: "repair",
  params: z
    .object({
      /** Anomaly index above which a below-median label is flagged (2 in the paper). */
      threshold: z.number().positive().default(2),
      /** Held clean images used for the trigger search (the paper samples 1,000). */
      searchImages: z.number().int().min(10).default(1000),
      successThreshold: z.number().gt(0).max(1).default(0.99),
      initialCost: z.number().positive().default(1e-3),
      patience: z.number().int().min(1).default(5),
      costMultiplier: z.number().gt(1).default(2),
      earlyStopPatience: z.number().int().min(1).default(10),
      maxEpochs: z.number().int().min(1).default(60),
      batchSize: z.number().int().min(1).default(128),
      learningRate: z.number().positive().default(0.1),
      /** Unlearning: the share of holdout images stamped with a reversed trigger (20% in the paper). */
      stampFraction: z.number().min(0).max(1).default(0.2),
      /** Fine-tuning for unlearning (epochs 0 detects only). */
      fineTune: holdoutFineTuneSchema,
    })
    .strict(),
  needs: ["poisoned-model", "clean-holdout"],
  requires: ["gradients"],
  domains: ["image"],
  repair: (params, { model: original, holdout, seed, where }) => {
    if (holdout.domain.kind !== "image" || holdout.exampleShape.length !== 3)
      throw new HemlockError(
        "INCOMPATIBLE",
        `${where}: neural-cleanse searches for an image trigger (mask x pattern); ${holdout.name} is ${holdout.domain.kind === "image" ? `shaped [${holdout.exampleShape.join(", ")}]` : "tabular"}`,
      );
    const r = new SeededRandom(seed);
    const count = Math.min(params.searchImages, holdout.labels.length);
    const search = { ...holdout, ...gatherBatch(holdout, r.permutation(holdout.labels.length).subarray(0, count)) };
    const triggers: ReversedTrigger[] = [];
    for (let label = 0; label < holdout.classes; label++)
      triggers.push(reverseEngineerTrigger(original, search, label, holdout.domain, params, seed + 7919 * (label + 1)));

    // A label no mask could reach within the search needs at most the whole image.
    const area = (holdout.exampleShape[0] as number) * (holdout.exampleShape[1] as number);
    const norms = triggers.map((t) => (Number.isFinite(t.maskNorm) ? t.maskNorm : area));
    const { median, indices } = anomalyIndices(norms);
    const belowMedian = triggers.filter((t) => (norms[t.label] as number) < median);
    const anomalyIndex = Math.max(0, ...belowMedian.map((t) => indices[t.label] as number));
    const flagged = belowMedian.filter((t) => (indices[t.label] as number) > params.threshold);

    const model = original.clone();
    const successOf = (trigger: ReversedTrigger, m: typeof model) => {
      const stamped = { x: stampTrigger(holdout.x, holdout.exampleShape, trigger), exampleShape: holdout.exampleShape };
      // Over the images of other labels: how often the trigger still carries them to its label.
      const predicted = m.predict(stamped);
      const others = [...holdout.labels.keys()].filter((i) => holdout.labels[i] !== trigger.label);
      return others.filter((i) => predicted[i] === trigger.label).length / Math.max(others.length, 1);
    };
    const successBefore = flagged.map((t) => successOf(t, model));
    const epochs = Number(params.fineTune.epochs ?? 0);
    if (flagged.length > 0 && epochs > 0) {
      // Stamp a fresh random share each epoch, cycling the flagged labels' triggers.
      const size = exampleSize(holdout);
      for (let epoch = 0; epoch < epochs; epoch++) {
        const x = Float32Array.from(holdout.x);
        const order = r.permutation(holdout.labels.length);
        const stamped = Math.round(params.stampFraction * order.length);
        for (let i = 0; i < stamped; i++) {
          const j = order[i] as number;
          const one = stampTrigger(
            x.subarray(j * size, (j + 1) * size),
            holdout.exampleShape,
            flagged[i % flagged.length] as ReversedTrigger,
          );
          x.set(one, j * size);
        }
        model.fit(
          { ...holdout, x },
          { ...params.fineTune, epochs: 1 },
          { seed: seed + epoch, where: `${where}.fineTune` },
        );
      }
    }
    const successAfter = flagged.map((t) => successOf(t, model));
    const diagnostics: Record<string, number> = {
      anomalyIndex,
      flaggedLabels: flagged.length,
      medianMaskNorm: median,
      minMaskNorm: Math.min(...norms),
      searchEpochs: triggers.reduce((a, t) => a + t.epochs, 0),
      reversedTriggerSuccessBefore: mean(successBefore),
      reversedTriggerSuccessAfter: mean(successAfter),
    };
    if (flagged.length > 0)
      diagnostics.flaggedLabel = flagged.reduce((a, t) => (t.maskNorm < a.maskNorm ? t : a)).label;
    for (const t of triggers) diagnostics[`maskNorm.${t.label}`] = norms[t.label] as number;
    return { model, diagnostics };
  },
});

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
