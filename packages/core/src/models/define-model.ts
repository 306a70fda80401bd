/**
 * The model plugin: its name, parameter schema, citation, training loss, what it offers defenses
 * (penultimate-layer features, gradients, a label vote), and a builder that makes a tfjs model
 * emitting logits. "label-vote": training labels enter the model only through a vote whose
 * margin certifies it against label flips (fitDirect reports `flipsWithstood`).
 */
import type * as tf from "@tensorflow/tfjs";
import type { z } from "zod";
import type { LabeledArrays } from "../datasets/labeled-arrays.js";
import type { Plugin } from "../registry/registry.js";
import type { LossName } from "../training/losses.js";

/** What a defense may require of a model; checked when a grid is planned. */
export type ModelCapability = "features" | "gradients" | "per-example-gradients" | "label-vote";

export interface ModelContext {
  /** Shape of one example, e.g. [28, 28, 1] or [30]. */
  inputShape: number[];
  classes: number;
  seed: number;
}

export interface ModelPlugin<S extends z.ZodObject = z.ZodObject> extends Plugin {
  params: S;
  loss: LossName;
  provides: ModelCapability[];
  /** Builds the network. Models that provide "features" name their penultimate layer "features". */
  build(params: z.output<S>, ctx: ModelContext): tf.LayersModel;
  /** A penalty added to the mean training loss (e.g. the SVM's ||w||^2 / (2 C n)). */
  regularizer?(params: z.output<S>, model: tf.LayersModel, trainSize: number): tf.Scalar;
  /**
   * Models not trained by gradient descent (k-means, or a linear SVM solved exactly) fit
   * themselves: they set the network's weights from the data and return what the fit found
   * (inertia, label agreement, certificates, the objective reached).
   */
  fitDirect?(
    params: z.output<S>,
    model: tf.LayersModel,
    data: LabeledArrays,
    context: ModelContext,
  ): Record<string, number>;
  /** Whether these parameters choose fitDirect (default: always, when there is one). */
  fitsDirectly?(params: z.output<S>): boolean;
  /** Whether the model accepts this input shape (image-only models refuse tabular data). */
  accepts?(inputShape: number[]): string | undefined;
}

export function defineModel<S extends z.ZodObject>(plugin: ModelPlugin<S>): ModelPlugin<S> {
  return plugin;
}
