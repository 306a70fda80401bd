/**
 * Resolves a defense spec such as `{name: spectral-signatures, removeFactor: 1.5}`: the plugin
 * and its validated parameters, and whether it can run with a given model, so impossible pairs
 * are refused when a grid is planned, naming both, rather than failing mid-run.
 */
import { HemlockError } from "../errors.js";
import type { ModelPlugin } from "../models/define-model.js";
import { parseParams } from "../registry/parse-params.js";
import { defenses } from "./defense-registry.js";
import type { DefensePlugin } from "./define-defense.js";

export type DefenseSpec = { name: string } & Record<string, unknown>;

export interface ResolvedDefense {
  plugin: DefensePlugin;
  params: Record<string, unknown>;
}

export function resolveDefense(spec: DefenseSpec | string, where = "defense"): ResolvedDefense {
  const { name, ...rest } = typeof spec === "string" ? { name: spec } : spec;
  const plugin = defenses.get(name, `${where}.name`);
  return { plugin, params: parseParams(plugin.params, rest, where) as Record<string, unknown> };
}

/** Resolves a spec that must name a defense of the given kind (a sanitizer, an input detector...). */
export function resolveDefenseOfKind<K extends DefensePlugin["kind"]>(
  spec: DefenseSpec | string,
  kind: K,
  where: string,
): { plugin: Extract<DefensePlugin, { kind: K }>; params: Record<string, unknown> } {
  const { plugin, params } = resolveDefense(spec, where);
  if (plugin.kind !== kind)
    throw new HemlockError("INCOMPATIBLE", `${where}: ${plugin.name} is a ${plugin.kind} defense, not a ${kind} one`);
  return { plugin: plugin as Extract<DefensePlugin, { kind: K }>, params };
}

/** Throws INCOMPATIBLE, naming the pair, when the model lacks what the defense requires. */
export function checkDefenseFits(defense: DefensePlugin, model: ModelPlugin, where = "defense"): void {
  const missing = defense.requires.filter((capability) => !model.provides.includes(capability));
  if (missing.length > 0) {
    throw new HemlockError(
      "INCOMPATIBLE",
      `${where}: ${defense.name} needs a model with ${missing.join(" and ")}; ${model.name} has ${model.provides.length > 0 ? model.provides.join(", ") : "none"}`,
      `Pair ${defense.name} with a model that has penultimate-layer features (mlp, badnets-cnn, resnet-small).`,
    );
  }
}
