/**
 * The defense plugin: name, parameter schema, citation, and a kind that tells the runner which
 * artifacts it needs, so a defense that works on the trained poisoned model reuses it instead of
 * training again (the runner's defense-kind table says, per kind, what it plans and measures):
 * - baseline: no defense; the model trained on the training set as it is (the `none` control);
 * - sanitize: before training; scores every training example and removes (or relabels) some;
 * - train: changes how the model is trained (e.g. partition aggregation), returning a predictor,
 *   with certificates when the defense is certified;
 * - detect-input: at inference; flags test inputs (e.g. STRIP).
 * - repair: changes a trained model (e.g. Fine-Pruning), using a small clean holdout.
 */
import type { z } from "zod";
import type { Dataset } from "../datasets/dataset.js";
import type { Examples } from "../models/batched.js";
import type { Classifier, ModelSpec } from "../models/classifier.js";
import type { ModelCapability } from "../models/define-model.js";
import type { Plugin } from "../registry/registry.js";

export type DefenseKind = "baseline" | "sanitize" | "train" | "repair" | "detect-input";

/**
 * What a defense consumes besides the data, each an artifact the runner builds once:
 * - poisoned-model: the model trained on the poisoned training set;
 * - poison-mask: the ground truth (only the perfect-filter control may read it);
 * - removal-count: how many examples the defense under comparison removed (random-filter);
 * - clean-holdout: a small clean set the defender holds (STRIP's overlay images);
 * - retrain: a way to train the cell's model on a subset (exclusionary reclassification);
 * - expected-rate: the poisoned fraction the defender assumes: its `epsilon` parameter, or else
 *   the cell's rate (so a clean cell, rate 0, must give epsilon; the runner checks when planning).
 */
export type DefenseNeed =
  | "poisoned-model"
  | "poison-mask"
  | "removal-count"
  | "clean-holdout"
  | "retrain"
  | "expected-rate";

interface DefenseBase<S extends z.ZodObject> extends Plugin {
  kind: DefenseKind;
  params: S;
  needs: DefenseNeed[];
  /** What the model must offer (checked when a grid is planned, before anything runs). */
  requires: ModelCapability[];
  /** The feature domains it works on, when not every one (checked when a grid is planned). */
  domains?: ("image" | "tabular")[];
  /** The fewest clean holdout examples these parameters need (checked when a grid is planned). */
  minHoldout?: (params: z.output<S>) => number;
}

export interface SanitizeInput {
  /** The (possibly poisoned) training set. */
  train: Dataset;
  model?: Classifier;
  mask?: Uint8Array;
  removalCount?: number;
  /** Trains the cell's model (spec and training configuration) on the given data. */
  retrain?: (data: Dataset) => Classifier;
  /** The poisoning rate the threat model assumes (the cell's rate), for defenses sized by it. */
  expectedPoisonRate?: number;
  seed: number;
  where: string;
}

export interface SanitizeResult {
  /** Per training example, higher is more suspicious (the input to detection metrics). */
  scores: Float32Array;
  /** removed[i] = 1 where example i is dropped from training. */
  removed: Uint8Array;
  /** New labels for every example (label sanitization), when the defense relabels. */
  relabeled?: Int32Array;
  diagnostics?: Record<string, number>;
}

/**
 * A control sized by another defense (random-filter): which parameter names the sanitizing
 * defense whose removal count it copies, and whether given parameters need that count at all.
 */
export interface RemovalCountSource<S extends z.ZodObject = z.ZodObject> {
  param: keyof z.output<S> & string;
  needed(params: z.output<S>): boolean;
  /** What to write when neither a count nor the compared defense is given. */
  missing: string;
}

export interface SanitizeDefense<S extends z.ZodObject = z.ZodObject> extends DefenseBase<S> {
  kind: "sanitize";
  sanitize(params: z.output<S>, input: SanitizeInput): SanitizeResult;
  /** Set when the defense needs the removal-count: where that count comes from. */
  removalCountFrom?: RemovalCountSource<S>;
}

/** The undefended baseline: the runner measures the model trained on the data as it is. */
export interface BaselineDefense<S extends z.ZodObject = z.ZodObject> extends DefenseBase<S> {
  kind: "baseline";
}

export interface InputDetectorContext {
  model: Classifier;
  holdout: Dataset;
  seed: number;
  where: string;
}

/** A fitted input detector: scores inputs (higher is more suspicious) and flags those above the threshold. */
export interface InputDetector {
  score(inputs: Examples): Float32Array;
  threshold: number;
  diagnostics?: Record<string, number>;
}

export interface DetectInputDefense<S extends z.ZodObject = z.ZodObject> extends DefenseBase<S> {
  kind: "detect-input";
  fit(params: z.output<S>, context: InputDetectorContext): InputDetector;
}

export interface TrainDefenseInput {
  train: Dataset;
  /** The cell's model spec and training configuration, for the base models. */
  model: ModelSpec;
  trainConfig: unknown;
  seed: number;
  where: string;
}

/** A defended predictor; certified ones also give each prediction's certified radius. */
export interface DefendedPredictor {
  predict(inputs: Examples): Int32Array;
  /** Predictions with, for each, the number of poisoned training examples it is certified against. */
  certify?(inputs: Examples): { predictions: Int32Array; radii: Int32Array };
  /** How many full passes over the training set training took (the cost metric). */
  trainingPasses: number;
  /** The one trained model, when the defense trains one (DP-SGD), for what runs after it. */
  model?: Classifier;
  /** What the defense reports about its training (DP-SGD: the epsilon spent). */
  diagnostics?: Record<string, number>;
  dispose(): void;
}

export interface TrainDefense<S extends z.ZodObject = z.ZodObject> extends DefenseBase<S> {
  kind: "train";
  train(params: z.output<S>, input: TrainDefenseInput): DefendedPredictor;
}

export interface RepairInput {
  /** The trained (poisoned) model; repairs work on a copy and leave it as it is. */
  model: Classifier;
  holdout: Dataset;
  seed: number;
  where: string;
}

export interface RepairDefense<S extends z.ZodObject = z.ZodObject> extends DefenseBase<S> {
  kind: "repair";
  repair(params: z.output<S>, input: RepairInput): { model: Classifier; diagnostics?: Record<string, number> };
}

export type DefensePlugin = BaselineDefense | SanitizeDefense | TrainDefense | RepairDefense | DetectInputDefense;

export function defineDefense<S extends z.ZodObject>(plugin: BaselineDefense<S>): BaselineDefense<S>;
export function defineDefense<S extends z.ZodObject>(plugin: SanitizeDefense<S>): SanitizeDefense<S>;
export function defineDefense<S extends z.ZodObject>(plugin: DetectInputDefense<S>): DetectInputDefense<S>;
export function defineDefense<S extends z.ZodObject>(plugin: TrainDefense<S>): TrainDefense<S>;
export function defineDefense<S extends z.ZodObject>(plugin: RepairDefense<S>): RepairDefense<S>;
export function defineDefense(plugin: DefensePlugin): DefensePlugin {
  return plugin;
}
