/**
 * Neural Cleanse's trigger reverse-engineering (Wang et al. 2019, Section 4 and the authors'
 * visualizer.py): for a candidate target label, the smallest mask m (H x W, in [0, 1]) and pattern
 * p (H x W x C, in the image range) such that stamping (1 - m) * x + m * p sends clean images x to
 * that label. Minimizes cross-entropy to the label plus cost * |m|_1 with Adam over tanh-
 * parametrized m and p; the cost starts at 0 and, once the attack succeeds, is raised or lowered
 * by the paper's schedule to keep the success rate at the threshold while the mask shrinks. The
 * result is the smallest mask seen whose mini-epoch success rate reached the threshold.
 */
import { tf } from "../../backend/tf.js";
import { gatherBatch, type LabeledArrays } from "../../datasets/labeled-arrays.js";
import type { Classifier } from "../../models/classifier.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { sparseSoftmaxCrossEntropy } from "../../training/sparse-softmax-cross-entropy.js";

export interface TriggerSearchOptions {
  /** Attack success (on the stamped mini-epoch batches) a mask must reach to count. */
  successThreshold: number;
  /** The first nonzero cost of the mask norm. */
  initialCost: number;
  /** Mini-epochs of success (or failure) before the cost moves. */
  patience: number;
  /** The cost is multiplied by this when raised and divided by its 1.5th power when lowered. */
  costMultiplier: number;
  /** Mini-epochs without a 1% smaller successful mask, once the cost has moved both ways, to stop. */
  earlyStopPatience: number;
  maxEpochs: number;
  batchSize: number;
  learningRate: number;
}

export interface ReversedTrigger {
  label: number;
  /** H x W, in [0, 1]. */
  mask: Float32Array;
  /** H x W x C, in the image range. */
  pattern: Float32Array;
  /** |m|_1 of the best mask; Infinity when no mask reached the success threshold. */
  maskNorm: number;
  /** The success rate on the mini-epoch that gave the best mask. */
  attackSuccess: number;
  epochs: number;
}

/** Stamps a reversed trigger on images: (1 - m) * x + m * p, broadcast over channels. */
export function stampTrigger(
  images: Float32Array,
  exampleShape: number[],
  trigger: Pick<ReversedTrigger, "mask" | "pattern">,
): Float32Array {
  const [height, width, channels] = exampleShape as [number, number, number];
  const size = height * width * channels;
  const out = new Float32Array(images.length);
  for (let offset = 0; offset < images.length; offset += size) {
    for (let k = 0; k < size; k++) {
      const m = trigger.mask[Math.floor(k / channels)] as number;
      out[offset + k] = (1 - m) * (images[offset + k] as number) + m * (trigger.pattern[k] as number);
    }
  }
  return out;
}

export function reverseEngineerTrigger(
  model: Classifier,
  clean: LabeledArrays,
  label: number,
  range: { min: number; max: number },
  options: TriggerSearchOptions,
  seed: number,
): ReversedTrigger {
  const [height, width, channels] = clean.exampleShape as [number, number, number];
  const r = new SeededRandom(seed);
  // Random initial mask and pattern in (0, 1), mapped into tanh space as the authors do.
  const atanh = (v: number) => Math.atanh((v - 0.5) * (2 - 1e-6));
  const maskParam = tf.variable(
    tf.tensor3d(
      Float32Array.from({ length: height * width }, () => atanh(r.float())),
      [height, width, 1],
    ),
  );
  const patternParam = tf.variable(
    tf.tensor3d(
      Float32Array.from({ length: height * width * channels }, () => atanh(r.float())),
      [height, width, channels],
    ),
  );
  const optimizer = tf.train.adam(options.learningRate, 0.5, 0.9);
  const unit = (param: tf.Tensor) => tf.add(tf.div(tf.tanh(param), 2), 0.5);
  const n = clean.labels.length;
  const batch = Math.min(options.batchSize, n);
  const stepsPerEpoch = Math.max(1, Math.floor(n / batch));
  const target = tf.fill([batch], label, "int32") as tf.Tensor1D;

  let cost = 0;
  let costSetCounter = 0;
  let upCounter = 0;
  let downCounter = 0;
  let costUp = false;
  let costDown = false;
  let earlyStopCounter = 0;
  let earlyStopBest = Number.POSITIVE_INFINITY;
  let best: ReversedTrigger = {
    label,
    mask: new Float32Array(height * width),
    pattern: new Float32Array(height * width * channels),
    maskNorm: Number.POSITIVE_INFINITY,
    attackSuccess: 0,
    epochs: 0,
  };
  let epoch = 0;
  try {
    for (; epoch < options.maxEpochs; epoch++) {
      const order = r.permutation(n);
      let successSum = 0;
      let normSum = 0;
      for (let step = 0; step < stepsPerEpoch; step++) {
        const { x } = gatherBatch(clean, order.subarray(step * batch, (step + 1) * batch));
        const costNow = cost;
        const [success, norm] = tf.tidy(() => {
          const images = tf.tensor4d(x, [batch, height, width, channels]);
          let hits: tf.Scalar | undefined;
          let l1: tf.Scalar | undefined;
          optimizer.minimize(
            () => {
              const mask = unit(maskParam);
              const pattern = tf.add(tf.mul(unit(patternParam), range.max - range.min), range.min);
              const stamped = tf.add(tf.mul(tf.sub(1, mask), images), tf.mul(mask, pattern));
              const logits = model.model.apply(stamped) as tf.Tensor2D;
              hits = tf.keep(tf.mean(tf.equal(tf.argMax(logits, 1), target).asType("float32")) as tf.Scalar);
              l1 = tf.keep(tf.sum(mask) as tf.Scalar);
              const ce = sparseSoftmaxCrossEntropy(logits, target, model.context.classes);
              return costNow === 0 ? ce : (tf.add(ce, tf.mul(costNow, l1 as tf.Scalar)) as tf.Scalar);
            },
            false,
            [maskParam, patternParam],
          );
          return [hits as tf.Scalar, l1 as tf.Scalar];
        });
        successSum += success.dataSync()[0] as number;
        normSum += norm.dataSync()[0] as number;
        tf.dispose([success, norm]);
      }
      const success = successSum / stepsPerEpoch;
      const norm = normSum / stepsPerEpoch;
      if (success >= options.successThreshold && norm < best.maskNorm) {
        best = {
          label,
          mask: tf.tidy(() => unit(maskParam).dataSync() as Float32Array),
          pattern: tf.tidy(
            () => tf.add(tf.mul(unit(patternParam), range.max - range.min), range.min).dataSync() as Float32Array,
          ),
          maskNorm: norm,
          attackSuccess: success,
          epochs: epoch + 1,
        };
      }
      // Early stop: once the cost has moved both ways, stop when the best mask stops shrinking.
      if (Number.isFinite(best.maskNorm)) {
        earlyStopCounter = best.maskNorm >= 0.99 * earlyStopBest ? earlyStopCounter + 1 : 0;
        earlyStopBest = Math.min(best.maskNorm, earlyStopBest);
      }
      if (costUp && costDown && earlyStopCounter >= options.earlyStopPatience) {
        epoch++;
        break;
      }
      if (cost === 0 && success >= options.successThreshold) {
        costSetCounter++;
        if (costSetCounter >= options.patience) {
          cost = options.initialCost;
          [upCounter, downCounter, costUp, costDown] = [0, 0, false, false];
        }
      } else costSetCounter = 0;
      if (cost === 0) continue;
      if (success >= options.successThreshold) [upCounter, downCounter] = [upCounter + 1, 0];
      else [upCounter, downCounter] = [0, downCounter + 1];
      if (upCounter >= options.patience) {
        upCounter = 0;
        cost *= options.costMultiplier;
        costUp = true;
      } else if (downCounter >= options.patience) {
        downCounter = 0;
        cost /= options.costMultiplier ** 1.5;
        costDown = true;
      }
    }
  } finally {
    tf.dispose([maskParam, patternParam, target]);
    optimizer.dispose();
  }
  return { ...best, epochs: epoch };
}
