/**
 * DP-SGD (Abadi et al. 2016) as a poisoning defense (Ma, Zhu, Hsu 2019; Hong et al. 2020): every
 * example's gradient is clipped to L2 norm `clipNorm` and Gaussian noise of sd
 * noiseMultiplier x clipNorm is added to their sum, so no handful of poisons can move a step far.
 * Batches are Poisson samples with rate batchSize / n (the sampling the privacy analysis assumes;
 * a batch's size varies), the noisy sum is divided by the expected batch size, and the cell's
 * optimizer and schedule apply it (post-processing, so momentum and Adam keep the guarantee).
 * The (epsilon, delta) spent is accounted by RDP; give `epsilon` instead of `noiseMultiplier` to
 * calibrate the noise to a budget. A model's data-independent penalty (the SVM's ||w||^2 term) is
 * not applied: DP-SGD trains the plain loss.
 */

import { z } from "zod";
import { tf } from "../../backend/tf.js";
import { gatherBatch } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { Classifier } from "../../models/classifier.js";
import { deriveSeed, SeededRandom } from "../../random/seeded-random.js";
import { parseParams } from "../../registry/parse-params.js";
import { learningRateAt } from "../../training/lr-schedule.js";
import { buildOptimizer } from "../../training/optimizer.js";
import { trainConfigSchema } from "../../training/train-config.js";
import { defineDefense } from "../define-defense.js";
import { epsilonFromRdp, sampledGaussianRdp } from "../privacy/sampled-gaussian-rdp.js";

export const dpSgd = defineDefense({
  name: "dp-sgd",
  summary:
    "trains with per-example gradient clipping and Gaussian noise (differentially private SGD), accounting epsilon",
  citation:
    "M. Abadi et al. Deep learning with differential privacy. CCS 2016; as a poisoning defense: Y. Ma, X. Zhu, J. Hsu. Data poisoning against differentially-private learners. IJCAI 2019; S. Hong et al. On the effectiveness of mitigating data poisoning attacks with gradient shaping. arXiv:2002.11497, 2020.",
  kind: "train",
  params: z
    .object({
      /** Per-example L2 clipping norm C. */
      clipNorm: z.number().positive().default(1),
      /** Noise sd over C; omit it and give epsilon to calibrate. */
      noiseMultiplier: z.number().min(0).optional(),
      /** A privacy budget: the noise multiplier is the smallest that spends at most this. */
      epsilon: z.number().positive().optional(),
      delta: z.number().gt(0).lt(1).default(1e-5),
    })
    .strict(),
  needs: [],
  requires: ["per-example-gradients"],
  train: (params, { train, model: spec, trainConfig, seed, where }) => {
    const config = parseParams(trainConfigSchema, trainConfig, `${where}.train`);
    const n = train.labels.length;
    const q = Math.min(1, config.batchSize / n);
    const steps = Math.max(1, Math.round(config.epochs / q));
    if (params.noiseMultiplier !== undefined && params.epsilon !== undefined)
      throw new HemlockError(
        "INVALID_PARAMS",
        `${where}: give noiseMultiplier or epsilon, not both (noiseMultiplier ${params.noiseMultiplier}, epsilon ${params.epsilon})`,
      );
    const sigma =
      params.noiseMultiplier ??
      (params.epsilon !== undefined ? calibrateNoise(q, steps, params.epsilon, params.delta) : 1.1);
    const classifier = Classifier.create(
      spec,
      { inputShape: train.exampleShape, classes: train.classes, seed: deriveSeed(seed, "dp-sgd-init") },
      `${where}.model`,
    );
    const mixing = classifier.model.layers.find((l) => l.getClassName() === "BatchNormalization");
    if (mixing)
      throw new HemlockError(
        "INCOMPATIBLE",
        `${where}: dp-sgd clips each example's gradient, but ${classifier.name} has batch normalization (${mixing.name}), which mixes examples within a batch`,
      );
    const sampler = new SeededRandom(deriveSeed(seed, "dp-sgd-poisson"));
    const optimizer = buildOptimizer(config.optimizer);
    const variables = classifier.model.trainableWeights.map((w) => w.read() as tf.Variable);
    let clippedShare = 0;
    try {
      for (let step = 0; step < steps; step++) {
        const members: number[] = [];
        for (let i = 0; i < n; i++) if (sampler.float() < q) members.push(i);
        const noiseSeed = sampler.uint32();
        const grads = tf.tidy(() => {
          let sums: tf.Tensor[];
          if (members.length > 0) {
            const batch = gatherBatch(train, members);
            const perExample = classifier.perExampleGradients(
              tf.tensor(batch.x, [members.length, ...train.exampleShape]),
              tf.tensor1d(batch.labels, "int32"),
            );
            const squared = perExample.map((g) => tf.sum(tf.square(tf.reshape(g, [members.length, -1])), 1));
            const norms = tf.sqrt(tf.addN(squared));
            const factors = tf.minimum(1, tf.div(params.clipNorm, tf.add(norms, 1e-12)));
            clippedShare += tf.sum(tf.less(factors, 1).asType("float32")).dataSync()[0] as number;
            sums = perExample.map((g) =>
              tf.sum(tf.mul(g, tf.reshape(factors, [members.length, ...g.shape.slice(1).map(() => 1)])), 0),
            );
          } else sums = variables.map((v) => tf.zerosLike(v));
          const named: tf.NamedTensorMap = {};
          sums.forEach((sum, k) => {
            const noise = tf.randomNormal(sum.shape, 0, sigma * params.clipNorm, "float32", noiseSeed + k);
            named[(variables[k] as tf.Variable).name] = tf.div(tf.add(sum, noise), q * n);
          });
          return named;
        });
        const epoch = Math.floor(step * q);
        optimizer.apply(grads, variables, learningRateAt(config.schedule, config.optimizer.lr, step, steps, epoch));
        tf.dispose(grads);
      }
    } finally {
      optimizer.dispose();
    }
    const { epsilon, order } = epsilonFromRdp(sampledGaussianRdp(q, sigma, steps), params.delta);
    return {
      predict: (inputs) => classifier.predict(inputs),
      model: classifier,
      trainingPasses: config.epochs,
      diagnostics: {
        epsilon,
        delta: params.delta,
        rdpOrder: order,
        noiseMultiplier: sigma,
        samplingRate: q,
        steps,
        clippedShare: clippedShare / Math.max(1, q * n * steps),
      },
      dispose: () => classifier.dispose(),
    };
  },
});

/** The smallest noise multiplier (to 0.1%) whose epsilon at delta stays within the budget. */
export function calibrateNoise(q: number, steps: number, epsilon: number, delta: number): number {
  const spent = (sigma: number) => epsilonFromRdp(sampledGaussianRdp(q, sigma, steps), delta).epsilon;
  let [low, high] = [0.1, 1];
  while (spent(high) > epsilon) {
    [low, high] = [high, high * 2];
    if (high > 1e4)
      throw new HemlockError(
        "INVALID_PARAMS",
        `epsilon ${epsilon} at delta ${delta} needs a noise multiplier above 10,000`,
      );
  }
  while (high - low > 1e-3 * high) {
    const mid = (low + high) / 2;
    if (spent(mid) > epsilon) low = mid;
    else high = mid;
  }
  return high;
}
