/**
 * The attack plugin: name, parameter schema, citation, and a function that takes the clean
 * training set, its parameters, the poisoning rate and a seed, and returns the poisoned training
 * set, the poison mask (ground truth for detectors) and, for backdoors, the test-time trigger.
 */
import type { z } from "zod";
import type { ArrayAllocator } from "../datasets/array-allocator.js";
import type { Dataset } from "../datasets/dataset.js";
import type { LabeledArrays } from "../datasets/labeled-arrays.js";
import type { Plugin } from "../registry/registry.js";
import type { PoisonSemantics } from "./poison-semantics.js";

/**
 * - label-flip: labels change, features do not;
 * - backdoor: a trigger is planted and relabelled; test inputs carry the trigger at attack time;
 * - clean-label: a backdoor whose poisoned examples keep their labels;
 * - optimized: poison points optimized to degrade the model everywhere (availability);
 * - targeted: clean-label poisons optimized to misclassify chosen test examples.
 */
export type AttackKind = "label-flip" | "backdoor" | "clean-label" | "optimized" | "targeted";

/** Applies a backdoor trigger to test inputs, in place, example-major. */
export type TriggerTransform = (x: Float32Array, exampleShape: number[]) => void;

/**
 * A trigger as the metrics take it: the transform, or the inputs already triggered (row i is
 * input i with the trigger applied), which is what a poisoned dataset read back from disk holds.
 */
export type TriggerSource = TriggerTransform | Float32Array;

export interface PoisonResult {
  train: Dataset;
  /** mask[i] = 1 where training example i is poisoned (appended copies included). */
  mask: Uint8Array;
  trigger?: TriggerTransform;
  semantics: PoisonSemantics;
  /** For targeted attacks: the test examples attacked and the label each is meant to receive. */
  targets?: { indices: Int32Array; intendedLabels: Int32Array };
  /** What the attack's own optimization reached (e.g. the attacker's validation loss), for provenance. */
  diagnostics?: Record<string, number>;
}

export interface AttackContext {
  rate: number;
  seed: number;
  alloc: ArrayAllocator;
  /** Where the attack's spec came from, for error messages. */
  where: string;
  /** The clean test split, for attacks that target test examples (feature collision). */
  test?: Dataset;
  /**
   * Clean data the attacker holds besides the training set, for the outer objective of optimized
   * poisons (Biggio et al.'s validation set). When absent, they use the clean training set.
   */
  validation?: LabeledArrays;
}

export interface AttackPlugin<S extends z.ZodObject = z.ZodObject> extends Plugin {
  kind: AttackKind;
  params: S;
  /** Feature domains the attack works on. */
  domains: ("image" | "tabular")[];
  poison(clean: Dataset, params: z.output<S>, ctx: AttackContext): PoisonResult;
}

export function defineAttack<S extends z.ZodObject>(plugin: AttackPlugin<S>): AttackPlugin<S> {
  return plugin;
}
