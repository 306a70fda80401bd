/**
 * The attack plugin: name, parameter schema, citation, and a function that takes the clean
 * training set, its parameters, the poisoning rate and a seed, and returns the poisoned training
 * set, the poison mask (ground truth for detectors) and, for backdoors, the test-time trigger.
 */
import type { z } from "zod";
import type { ArrayAllocator } from "../datasets/array-allocator.js";
import type { Dataset } from "../datasets/dataset.js";
import type { Plugin } from "../registry/registry.js";
import type { PoisonSemantics } from "./poison-semantics.js";

export type AttackKind = "label-flip" | "backdoor" | "clean-label" | "optimized";

/** Applies a backdoor trigger to test inputs, in place, example-major. */
export type TriggerTransform = (x: Float32Array, exampleShape: number[]) => void;

export interface PoisonResult {
  train: Dataset;
  /** mask[i] = 1 where training example i is poisoned (appended copies included). */
  mask: Uint8Array;
  trigger?: TriggerTransform;
  semantics: PoisonSemantics;
}

export interface AttackContext {
  rate: number;
  seed: number;
  alloc: ArrayAllocator;
  /** Where the attack's spec came from, for error messages. */
  where: string;
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
