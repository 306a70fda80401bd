/**
 * A trained (or trainable) classifier: a model plugin, its parameters and its tfjs network, with
 * everything attacks, defenses and metrics ask of a model: fit, class probabilities, per-example
 * loss, penultimate-layer features, per-example gradients, and save/load with a content hash.
 */
import { tf } from "../backend/tf.js";
import type { LabeledArrays } from "../datasets/labeled-arrays.js";
import { HemlockError } from "../errors.js";
import { parseParams } from "../registry/parse-params.js";
import { lossForEveryLabel, meanLoss, perExampleLoss } from "../training/losses.js";
import { type TrainConfig, trainConfigSchema } from "../training/train-config.js";
import { type EpochRecord, type TrainProgress, type TrainResult, trainModel } from "../training/train-model.js";
import { type Examples, mapBatches } from "./batched.js";
import type { ModelCapability, ModelContext, ModelPlugin } from "./define-model.js";
import { models } from "./model-registry.js";
import { weightsDigest } from "./weights-digest.js";

export type ModelSpec = { name: string } & Record<string, unknown>;

const INFERENCE_BATCH = 512;

export class Classifier {
  private featureModel: tf.LayersModel | undefined;

  constructor(
    readonly plugin: ModelPlugin,
    readonly params: Record<string, unknown>,
    readonly model: tf.LayersModel,
    readonly context: ModelContext,
  ) {}

  /** Builds an untrained classifier from a spec such as `{name: mlp, hidden: [128]}`. */
  static create(spec: ModelSpec | string, context: ModelContext, where = "model"): Classifier {
    const { name, ...rest } = typeof spec === "string" ? { name: spec } : spec;
    const plugin = models.get(name, `${where}.name`);
    const params = parseParams(plugin.params, rest, where) as Record<string, unknown>;
    const refusal = plugin.accepts?.(context.inputShape);
    if (refusal !== undefined) throw new HemlockError("INCOMPATIBLE", `${where}: ${name} ${refusal}`);
    return new Classifier(plugin, params, plugin.build(params, context), context);
  }

  /** An independent copy with the same weights (defenses that repair a model work on a copy). */
  clone(): Classifier {
    const copy = new Classifier(this.plugin, this.params, this.plugin.build(this.params, this.context), this.context);
    copy.model.setWeights(this.model.getWeights());
    return copy;
  }

  get name(): string {
    return this.plugin.name;
  }

  provides(capability: ModelCapability): boolean {
    return this.plugin.provides.includes(capability);
  }

  /** Trains on `data` with the given configuration (validated; defaults filled in). */
  fit(
    data: LabeledArrays,
    config: Partial<TrainConfig> | unknown,
    options: {
      seed: number;
      onProgress?: (p: TrainProgress) => void;
      onEpoch?: (r: EpochRecord) => void;
      where?: string;
    },
  ): TrainResult {
    const parsed = parseParams(trainConfigSchema, config, options.where ?? "train") as TrainConfig;
    if (this.plugin.fitDirect && (this.plugin.fitsDirectly?.(this.params) ?? true)) {
      const fitted = this.plugin.fitDirect(this.params, this.model, data, { ...this.context, seed: options.seed });
      return { history: [], epochsRun: 0, stoppedEarly: false, steps: 0, fitted };
    }
    const classes = this.context.classes;
    const trainSize = data.labels.length;
    return trainModel(this.model, data, parsed, options.seed, {
      loss: (logits, labels) => {
        const loss = meanLoss(this.plugin.loss, logits, labels, classes);
        const penalty = this.plugin.regularizer?.(this.params, this.model, trainSize);
        return penalty ? (tf.add(loss, penalty) as tf.Scalar) : loss;
      },
      evaluate: (held) => ({ loss: mean(this.perExampleLoss(held)), accuracy: this.accuracy(held) }),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onEpoch ? { onEpoch: options.onEpoch } : {}),
    });
  }

  /** Class probabilities, [n, classes] row-major. */
  predictProba(data: Examples): Float32Array {
    return mapBatches(data, INFERENCE_BATCH, this.context.classes, (x) =>
      tf.softmax(this.model.predict(x) as tf.Tensor2D),
    );
  }

  /** Logits, [n, classes] row-major. */
  logits(data: Examples): Float32Array {
    return mapBatches(data, INFERENCE_BATCH, this.context.classes, (x) => this.model.predict(x) as tf.Tensor2D);
  }

  /** The loss each example would have under every label, [n, classes] row-major. */
  lossForEveryLabel(data: Examples): Float32Array {
    return lossForEveryLabel(this.plugin.loss, this.logits(data), this.context.classes);
  }

  /**
   * The gradient of each example's loss (for the given labels) with respect to its input: the
   * step direction of PGD-style attacks. Same shape as x.
   */
  inputGradient(x: tf.Tensor, labels: tf.Tensor1D): tf.Tensor {
    return tf.grad((input: tf.Tensor) =>
      tf.sum(perExampleLoss(this.plugin.loss, this.model.apply(input) as tf.Tensor2D, labels, this.context.classes)),
    )(x);
  }

  /** Penultimate-layer activations as a differentiable tensor, for attacks that optimize in feature space. */
  featureTensor(x: tf.Tensor): tf.Tensor2D {
    const features = this.featureExtractor().apply(x) as tf.Tensor;
    return tf.reshape(features, [x.shape[0] as number, -1]) as tf.Tensor2D;
  }

  /** Predicted labels (argmax of the logits). */
  predict(data: Examples): Int32Array {
    const labels = mapBatches(data, INFERENCE_BATCH, 1, (x) =>
      tf.argMax(this.model.predict(x) as tf.Tensor2D, 1).asType("float32"),
    );
    return Int32Array.from(labels);
  }

  accuracy(data: LabeledArrays): number {
    const predicted = this.predict(data);
    let correct = 0;
    predicted.forEach((p, i) => {
      if (p === data.labels[i]) correct++;
    });
    return correct / predicted.length;
  }

  /** The training loss of each example (without regularizer). */
  perExampleLoss(data: LabeledArrays): Float32Array {
    return mapBatches(data, INFERENCE_BATCH, 1, (x, start) => {
      const labels = tf.tensor1d(data.labels.subarray(start, start + (x.shape[0] as number)), "int32");
      return perExampleLoss(this.plugin.loss, this.model.predict(x) as tf.Tensor2D, labels, this.context.classes);
    });
  }

  /** Penultimate-layer activations, [n, dim] row-major. */
  features(data: Examples): { values: Float32Array; dim: number } {
    const featureModel = this.featureExtractor();
    const outputShape = featureModel.outputs[0]?.shape ?? [];
    const dim = outputShape.slice(1).reduce((a: number, b) => a * (b ?? 1), 1);
    return {
      values: mapBatches(data, INFERENCE_BATCH, dim, (x) => featureModel.predict(x) as tf.Tensor),
      dim,
    };
  }

  private featureExtractor(): tf.LayersModel {
    if (!this.provides("features")) {
      throw new HemlockError(
        "CAPABILITY_MISSING",
        `model ${this.name} has no penultimate-layer features (it is linear)`,
      );
    }
    this.featureModel ??= tf.model({
      inputs: this.model.inputs,
      outputs: this.model.getLayer("features").output as tf.SymbolicTensor,
    });
    return this.featureModel;
  }

  /**
   * The gradient of each example's loss with respect to every trainable weight: one tensor per
   * weight, shaped [batch, ...weightShape]. Computed one example at a time (the differential-
   * privacy defenses that need it clip each example's gradient).
   */
  perExampleGradients(x: tf.Tensor, labels: tf.Tensor1D): tf.Tensor[] {
    const variables = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const n = x.shape[0] as number;
    const perWeight: tf.Tensor[][] = variables.map(() => []);
    for (let i = 0; i < n; i++) {
      const { value, grads } = tf.variableGrads(() => {
        const xi = tf.slice(x, i, 1);
        const yi = tf.slice(labels, i, 1);
        return meanLoss(
          this.plugin.loss,
          this.model.apply(xi, { training: true }) as tf.Tensor2D,
          yi,
          this.context.classes,
        );
      }, variables);
      value.dispose();
      variables.forEach((v, k) => {
        perWeight[k]?.push(grads[v.name] as tf.Tensor);
      });
    }
    const stacked = perWeight.map((list) => tf.stack(list));
    tf.dispose(perWeight.flat());
    return stacked;
  }

  /** SHA-256 over the weights' names, shapes and exact float bits. */
  weightsDigest(): string {
    return weightsDigest(this.model);
  }

  dispose(): void {
    this.model.dispose();
  }
}

function mean(values: Float32Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
