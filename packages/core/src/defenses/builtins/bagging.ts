/**
 * Bagging with certificates (Jia, Cao, Gong 2021): N base models, each the cell's model trained on
 * k examples drawn with replacement, vote; each prediction comes with the number of modified,
 * deleted or inserted training examples it is certified against (bagging-certificate.ts), at
 * simultaneous confidence 1 - alpha over the test set.
 */
import { z } from "zod";
import { gatherBatch } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import type { Examples } from "../../models/batched.js";
import { Classifier } from "../../models/classifier.js";
import { deriveSeed, SeededRandom } from "../../random/seeded-random.js";
import { baggingCertify } from "../certificates/bagging-certificate.js";
import { defineDefense } from "../define-defense.js";

export const bagging = defineDefense({
  name: "bagging",
  summary: "N base models on k-example bootstrap samples, majority vote, with a certified poisoning size",
  citation:
    "J. Jia, X. Cao, N.Z. Gong. Intrinsic certified robustness of bagging against data poisoning attacks. AAAI 2021.",
  kind: "train",
  params: z
    .object({
      models: z.number().int().min(1).max(100000).default(100),
      /** Examples per base model, drawn with replacement. */
      sampleSize: z.number().int().min(1).default(50),
      alpha: z.number().gt(0).lt(1).default(0.001),
    })
    .strict(),
  needs: [],
  requires: [],
  train: ({ models, sampleSize, alpha }, { train, model, trainConfig, seed, where }) => {
    const n = train.labels.length;
    if (sampleSize > n)
      throw new HemlockError(
        "INVALID_PARAMS",
        `${where}.sampleSize: ${sampleSize} is more than the ${n} training examples`,
      );
    const draw = new SeededRandom(seed).fork("bagging-samples");
    const base = Array.from({ length: models }, (_, m) => {
      const indices = Int32Array.from({ length: sampleSize }, () => draw.int(n));
      const modelSeed = deriveSeed(seed, `bag-${m}`);
      const classifier = Classifier.create(
        model,
        { inputShape: train.exampleShape, classes: train.classes, seed: modelSeed },
        `${where}.model`,
      );
      classifier.fit({ ...train, ...gatherBatch(train, indices) }, trainConfig, {
        seed: modelSeed,
        where: `${where}.train`,
      });
      return classifier;
    });
    const voteCounts = (inputs: Examples) => {
      const rows = inputs.x.length / inputs.exampleShape.reduce((a, b) => a * b, 1);
      const counts = new Int32Array(rows * train.classes);
      for (const m of base)
        m.predict(inputs).forEach((p, i) => {
          const slot = i * train.classes + p;
          counts[slot] = (counts[slot] as number) + 1;
        });
      return counts;
    };
    const certify = (inputs: Examples) => baggingCertify(voteCounts(inputs), train.classes, sampleSize, n, alpha);
    return {
      predict: (inputs) => certify(inputs).predictions,
      certify,
      trainingPasses: (models * sampleSize) / n,
      dispose: () => {
        for (const m of base) m.dispose();
      },
    };
  },
});
