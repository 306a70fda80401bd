/**
 * Feature collision, "Poison Frogs" (Shafahi et al. 2018): a clean-label targeted attack. Base
 * images of the target class are perturbed until, in the surrogate's penultimate-layer feature
 * space, they sit on one chosen test image of another class, while staying close to the base in
 * input space. A model trained on them then labels that test image as the base class. Each poison
 * solves min_p ||f(p) - f(t)||^2 + beta ||p - b||^2 by the paper's forward-backward splitting:
 * a gradient step on the feature distance, then the proximal step p = (p + lr beta b) / (1 + lr beta).
 * beta = beta0 2048^2 / dim^2 with beta0 0.25, as in the paper; `watermark` blends the target
 * into the base first (opacity 0.3 in the paper's end-to-end experiments), and `epsilon`, if set,
 * bounds each poison within an L-inf ball around its base.
 */

import { z } from "zod";
import { tf } from "../../backend/tf.js";
import { exampleSize, gatherBatch } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { applyPoison, choosePoisonIndices, craftedRows } from "../crafting/apply-poison.js";
import { defineAttack } from "../define-attack.js";
import { featureBounds } from "../optimization/feature-bounds.js";
import { surrogateParams, trainSurrogate } from "../optimization/surrogate.js";
import { poisonSemanticsSchema, semanticsOf } from "../poison-semantics.js";

export const featureCollision = defineAttack({
  name: "feature-collision",
  summary: "clean-label targeted poisons whose surrogate features collide with one test image (Poison Frogs)",
  citation:
    "A. Shafahi, W.R. Huang, M. Najibi, O. Suciu, C. Studer, T. Dumitras, T. Goldstein. Poison frogs! Targeted clean-label poisoning attacks on neural networks. NeurIPS 2018.",
  kind: "targeted",
  domains: ["image", "tabular"],
  params: z
    .object({
      ...poisonSemanticsSchema,
      mapping: z.literal("all-to-one").default("all-to-one"),
      /** Index of the target in the test split; a seeded choice among other classes' images if omitted. */
      targetIndex: z.number().int().min(0).optional(),
      beta0: z.number().min(0).default(0.25),
      learningRate: z.number().positive().default(0.01),
      steps: z.number().int().min(1).max(100000).default(500),
      /** Opacity of the target blended into each base before optimizing (0.3 in the paper's end-to-end runs). */
      watermark: z.number().min(0).lt(1).default(0),
      /** Optional L-inf bound around the base, on the 0-255 scale. */
      epsilon: z.number().positive().max(255).optional(),
      ...surrogateParams({
        model: "mlp",
        train: { epochs: 2, batchSize: 128, optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 } },
      }),
    })
    .strict(),
  poison: (clean, params, { rate, seed, alloc, where, test }) => {
    const semantics = semanticsOf(params, rate);
    if (test === undefined)
      throw new HemlockError(
        "INCOMPATIBLE",
        `${where}: feature-collision needs the test split, which holds its target`,
      );
    const targetIndex = params.targetIndex ?? chooseTarget(test.labels, params.target, seed, where);
    if (targetIndex >= test.labels.length)
      throw new HemlockError(
        "INVALID_PARAMS",
        `${where}.targetIndex: the test split has ${test.labels.length} examples, got ${targetIndex}`,
      );
    if (test.labels[targetIndex] === params.target)
      throw new HemlockError(
        "INVALID_PARAMS",
        `${where}.targetIndex: test example ${targetIndex} is already of class ${params.target} (the target); pick one of another class`,
      );
    const indices = choosePoisonIndices(clean, semantics, (label) => label === params.target, seed, where);
    const size = exampleSize(clean);
    const bounds = featureBounds(clean);
    const scale =
      clean.domain.kind === "image"
        ? (clean.domain.max - clean.domain.min) / 255
        : maxRange(bounds.lo, bounds.hi) / 255;
    const collided = new Float32Array(indices.length * size);
    let diagnostics: Record<string, number> = {};
    if (indices.length > 0) {
      const surrogate = trainSurrogate(clean, params, seed, where);
      try {
        const bases = gatherBatch(clean, indices).x;
        const target = test.x.subarray(targetIndex * size, (targetIndex + 1) * size);
        const outcome = collide(surrogate, bases, target, clean.exampleShape, {
          beta: (params.beta0 * 2048 ** 2) / size ** 2,
          learningRate: params.learningRate,
          steps: params.steps,
          watermark: params.watermark,
          ...(params.epsilon !== undefined ? { epsilon: params.epsilon * scale } : {}),
          bounds,
        });
        collided.set(outcome.poisons);
        diagnostics = outcome.diagnostics;
      } finally {
        surrogate.dispose();
      }
    }
    const poisoned = applyPoison(clean, indices, params.mode, alloc, craftedRows(indices, collided), (label) => label);
    return {
      ...poisoned,
      semantics,
      targets: { indices: Int32Array.of(targetIndex), intendedLabels: Int32Array.of(params.target) },
      diagnostics: { targetIndex, ...diagnostics },
    };
  },
});

function maxRange(lo: Float32Array, hi: Float32Array): number {
  let range = 0;
  lo.forEach((l, j) => {
    range = Math.max(range, (hi[j] as number) - l);
  });
  return range;
}

function chooseTarget(labels: Int32Array, baseClass: number, seed: number, where: string): number {
  const candidates = [...labels.keys()].filter((i) => labels[i] !== baseClass);
  if (candidates.length === 0)
    throw new HemlockError("INVALID_PARAMS", `${where}.target: every test example is of class ${baseClass}`);
  return candidates[new SeededRandom(seed).fork("feature-collision-target").int(candidates.length)] as number;
}

interface CollideOptions {
  beta: number;
  learningRate: number;
  steps: number;
  watermark: number;
  epsilon?: number;
  bounds: ReturnType<typeof featureBounds>;
}

/**
 * Forward-backward splitting on all poisons at once (their objectives are independent). A step
 * that raises the total objective is undone and the learning rate halved.
 */
function collide(
  surrogate: ReturnType<typeof trainSurrogate>,
  bases: Float32Array,
  target: Float32Array,
  exampleShape: number[],
  options: CollideOptions,
): { poisons: Float32Array; diagnostics: Record<string, number> } {
  const size = target.length;
  const count = bases.length / size;
  return tf.tidy(() => {
    const base = tf.tensor(bases, [count, ...exampleShape]);
    const targetImage = tf.tensor(target, [1, ...exampleShape]);
    const targetFeatures = surrogate.featureTensor(targetImage);
    let lo = tf.tensor(options.bounds.lo, exampleShape) as tf.Tensor;
    let hi = tf.tensor(options.bounds.hi, exampleShape) as tf.Tensor;
    if (options.epsilon !== undefined) {
      lo = tf.maximum(lo, tf.sub(base, options.epsilon));
      hi = tf.minimum(hi, tf.add(base, options.epsilon));
    }
    const project = (p: tf.Tensor) => tf.minimum(tf.maximum(p, lo), hi);
    const featureDistance = (p: tf.Tensor) =>
      tf.sum(tf.square(tf.sub(surrogate.featureTensor(p), targetFeatures)), 1) as tf.Tensor1D;
    const objective = (p: tf.Tensor) =>
      tf.tidy(
        () =>
          tf
            .add(tf.sum(featureDistance(p)), tf.mul(options.beta, tf.sum(tf.square(tf.sub(p, base)))))
            .arraySync() as number,
      );
    const distanceGradient = tf.grad((p: tf.Tensor) => tf.sum(featureDistance(p)));

    const initialDistance = tf.mean(featureDistance(base)).arraySync() as number;
    let poison: tf.Tensor = tf.keep(
      project(tf.add(tf.mul(base, 1 - options.watermark), tf.mul(targetImage, options.watermark))),
    );
    let value = objective(poison);
    let lr = options.learningRate;
    for (let step = 0; step < options.steps && lr > options.learningRate / 2 ** 20; step++) {
      const next = tf.tidy(() => {
        const forward = tf.sub(poison, tf.mul(distanceGradient(poison), lr));
        const backward = tf.div(tf.add(forward, tf.mul(base, lr * options.beta)), 1 + lr * options.beta);
        return project(backward);
      });
      const nextValue = objective(next);
      if (nextValue <= value) {
        poison.dispose();
        poison = tf.keep(next);
        value = nextValue;
      } else {
        next.dispose();
        lr /= 2;
      }
    }
    const finalDistance = tf.mean(featureDistance(poison)).arraySync() as number;
    const poisons = poison.dataSync() as Float32Array;
    poison.dispose();
    return {
      poisons: Float32Array.from(poisons),
      diagnostics: { featureDistanceBefore: initialDistance, featureDistanceAfter: finalDistance, beta: options.beta },
    };
  });
}
