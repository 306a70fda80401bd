/**
 * The training loop behind every Hemlock model: seeded shuffling (tfjs's own fit shuffles with
 * Math.random), minibatch steps with the configured optimizer, weight decay and learning-rate
 * schedule, an optional stratified validation split with early stopping, and progress reports.
 * The same seed, backend and data give bit-identical weights.
 */
import { tf } from "../backend/tf.js";
import { gatherBatch, type LabeledArrays } from "../datasets/labeled-arrays.js";
import { stratifiedSplit } from "../datasets/transforms/stratified-indices.js";
import { SeededRandom } from "../random/seeded-random.js";
import { learningRateAt } from "./lr-schedule.js";
import { buildOptimizer, type HemlockOptimizer } from "./optimizer.js";
import type { TrainConfig } from "./train-config.js";

export interface EpochRecord {
  epoch: number;
  loss: number;
  /**
   * Training accuracy over the epoch, from each batch's logits as it was trained (as Keras
   * reports it): the model moves during the epoch, so this is not the end-of-epoch accuracy.
   */
  accuracy: number;
  lr: number;
  valLoss?: number;
  valAccuracy?: number;
}

export interface TrainProgress {
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  loss: number;
}

export interface TrainHooks {
  /** The mean training loss of a batch (logits, labels) plus any regularizer. */
  loss(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar;
  /** Mean loss and accuracy on held-out data, for validation. */
  evaluate(data: LabeledArrays): { loss: number; accuracy: number };
  onProgress?: (progress: TrainProgress) => void;
  onEpoch?: (record: EpochRecord) => void;
}

export interface TrainResult {
  history: EpochRecord[];
  /** Epochs actually run (fewer than configured when stopped early). */
  epochsRun: number;
  stoppedEarly: boolean;
  /** Optimizer steps taken: one per batch. */
  steps: number;
  /** What a model that fits itself (fitDirect) reports. */
  fitted?: Record<string, number>;
}

/**
 * One optimizer step on a batch; returns the batch's mean loss and how many of its examples the
 * logits the step trained on classify correctly (read back in the same sync as the loss; the count
 * is outside the loss, so the gradients and weights are those of the loss alone).
 */
export function trainingStep(
  model: tf.LayersModel,
  hooks: Pick<TrainHooks, "loss">,
  optimizer: HemlockOptimizer,
  x: tf.Tensor,
  labels: tf.Tensor1D,
  lr: number,
): { loss: number; correct: number } {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  let correct: tf.Tensor | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const logits = model.apply(x, { training: true }) as tf.Tensor2D;
    correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), "float32")));
    return hooks.loss(logits, labels);
  }, variables);
  optimizer.apply(grads, variables, lr);
  const both = tf.tidy(() => tf.stack([value, correct as tf.Tensor]));
  const [loss, right] = both.dataSync() as Float32Array;
  tf.dispose([value, grads, correct as tf.Tensor, both]);
  return { loss: loss as number, correct: right as number };
}

export function trainModel(
  model: tf.LayersModel,
  data: LabeledArrays,
  config: TrainConfig,
  seed: number,
  hooks: TrainHooks,
): TrainResult {
  const random = new SeededRandom(seed);
  const all = Int32Array.from(data.labels.keys());
  const { train, test: validation } =
    config.validationSplit > 0
      ? stratifiedSplit(data.labels, config.validationSplit, random.fork("validation").seed)
      : { train: all, test: new Int32Array() };
  const validationData = validation.length > 0 ? { ...data, ...gatherBatch(data, validation) } : undefined;
  const shuffle = random.fork("shuffle");
  const optimizer = buildOptimizer(config.optimizer);
  const stepsPerEpoch = Math.ceil(train.length / config.batchSize);
  const totalSteps = stepsPerEpoch * config.epochs;
  const history: EpochRecord[] = [];
  let best: { score: number; epoch: number; weights: tf.Tensor[] } | undefined;
  let step = 0;
  let stoppedEarly = false;

  try {
    for (let epoch = 0; epoch < config.epochs; epoch++) {
      const order = shuffle.permutation(train.length);
      let total = 0;
      let correct = 0;
      let lr = config.optimizer.lr;
      for (let b = 0; b < stepsPerEpoch; b++) {
        const batchIndices = order
          .subarray(b * config.batchSize, Math.min((b + 1) * config.batchSize, train.length))
          .map((i) => train[i] as number);
        const batch = gatherBatch(data, batchIndices);
        const x = tf.tensor(batch.x, [batchIndices.length, ...data.exampleShape]);
        const labels = tf.tensor1d(batch.labels, "int32");
        lr = learningRateAt(config.schedule, config.optimizer.lr, step, totalSteps, epoch);
        const { loss, correct: right } = trainingStep(model, hooks, optimizer, x, labels, lr);
        tf.dispose([x, labels]);
        if (!Number.isFinite(loss))
          throw new Error(
            `training diverged: loss ${loss} at epoch ${epoch + 1}, step ${b + 1}; lower the learning rate`,
          );
        total += loss * batchIndices.length;
        correct += right;
        step++;
        hooks.onProgress?.({ epoch, epochs: config.epochs, step: b + 1, stepsPerEpoch, loss });
      }
      const record: EpochRecord = { epoch, loss: total / train.length, accuracy: correct / train.length, lr };
      if (validationData) {
        const v = hooks.evaluate(validationData);
        record.valLoss = v.loss;
        record.valAccuracy = v.accuracy;
      }
      history.push(record);
      hooks.onEpoch?.(record);

      const stopping = config.earlyStopping;
      if (stopping && record.valLoss !== undefined && record.valAccuracy !== undefined) {
        const score = stopping.metric === "loss" ? -record.valLoss : record.valAccuracy;
        if (best === undefined || score > best.score) {
          if (best) tf.dispose(best.weights);
          best = { score, epoch, weights: model.getWeights().map((w) => w.clone()) };
        } else if (epoch - best.epoch >= stopping.patience) {
          stoppedEarly = true;
          break;
        }
      }
    }
    if (best && config.earlyStopping?.restoreBest) model.setWeights(best.weights);
  } finally {
    if (best) tf.dispose(best.weights);
    optimizer.dispose();
  }
  return { history, epochsRun: history.length, stoppedEarly, steps: step };
}
