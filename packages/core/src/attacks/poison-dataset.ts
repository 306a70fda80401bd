/**
 * Runs an attack from a spec such as `{name: badnets, target: 0}`: validates the rate, the
 * parameters, the target label and the data domain, naming the field of any problem, then
 * poisons the clean training set.
 */
import { arrayAllocator } from "../datasets/array-allocator.js";
import type { Dataset } from "../datasets/dataset.js";
import type { LabeledArrays } from "../datasets/labeled-arrays.js";
import { HemlockError } from "../errors.js";
import { parseParams } from "../registry/parse-params.js";
import { attacks } from "./attack-registry.js";
import type { PoisonResult } from "./define-attack.js";
import { checkPoisoningRate } from "./poisoning-rate.js";

export type AttackSpec = { name: string } & Record<string, unknown>;

export function poisonDataset(
  spec: AttackSpec | string,
  clean: Dataset,
  options: {
    rate: number;
    seed: number;
    shared?: boolean;
    where?: string;
    test?: Dataset;
    validation?: LabeledArrays;
  },
): PoisonResult {
  const where = options.where ?? "attack";
  const { name, ...rest } = typeof spec === "string" ? { name: spec } : spec;
  const plugin = attacks.get(name, `${where}.name`);
  const { rate } = options;
  checkPoisoningRate(rate, `${where}.rate`, "INVALID_PARAMS");
  const params = parseParams(plugin.params, rest, where) as Record<string, unknown> & { target?: number };
  if (params.target !== undefined && params.target >= clean.classes) {
    throw new HemlockError(
      "INVALID_PARAMS",
      `${where}.target: ${clean.name} has classes 0..${clean.classes - 1} (${clean.classNames.join(", ")}), got ${params.target}`,
    );
  }
  if (!plugin.domains.includes(clean.domain.kind)) {
    throw new HemlockError(
      "INCOMPATIBLE",
      `${where}: ${name} works on ${plugin.domains.join(" or ")} data; ${clean.name} is ${clean.domain.kind}`,
    );
  }
  return plugin.poison(clean, params, {
    rate,
    seed: options.seed,
    alloc: arrayAllocator(options.shared ?? false),
    where,
    ...(options.test ? { test: options.test } : {}),
    ...(options.validation ? { validation: options.validation } : {}),
  });
}
