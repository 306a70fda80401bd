/**
 * The semantics every attack states explicitly and every result records, because the field's
 * toolkits disagree on them and their users trip over it:
 * - `rate`: the fraction of the whole training set poisoned, or of the target class when
 *   `rateOf: targetClass` (clean-label attacks can only poison the target class);
 * - `mode`: `replace` modifies chosen examples in place, `append` adds poisoned copies;
 * - `target`: the attacker's label (default 0);
 * - `mapping`: `all-to-one` sends every source class to `target`; `all-to-all` sends l to (l+1) mod K.
 */
import { z } from "zod";

export const poisonSemanticsSchema = {
  rateOf: z.enum(["all", "targetClass"]).default("all"),
  mode: z.enum(["replace", "append"]).default("replace"),
  target: z.number().int().min(0).default(0),
  mapping: z.enum(["all-to-one", "all-to-all"]).default("all-to-one"),
};

/**
 * The semantics of clean-label backdoors: only target-class examples can carry the poison, so
 * `rate` defaults to a share of the target class, and every trigger leads to the one target.
 */
export const cleanLabelSemanticsSchema = {
  ...poisonSemanticsSchema,
  rateOf: z.enum(["all", "targetClass"]).default("targetClass"),
  mapping: z.literal("all-to-one").default("all-to-one"),
};

export interface PoisonSemantics {
  rate: number;
  rateOf: "all" | "targetClass";
  mode: "replace" | "append";
  target: number;
  mapping: "all-to-one" | "all-to-all";
}

/** The label a poisoned example of true class `label` is meant to be classified as. */
export function attackerLabel(
  semantics: Pick<PoisonSemantics, "target" | "mapping">,
  label: number,
  classes: number,
): number {
  return semantics.mapping === "all-to-all" ? (label + 1) % classes : semantics.target;
}

/** The semantics record of a run, from an attack's parsed parameters and the rate. */
export function semanticsOf(params: Omit<PoisonSemantics, "rate">, rate: number): PoisonSemantics {
  return { rate, rateOf: params.rateOf, mode: params.mode, target: params.target, mapping: params.mapping };
}
