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
