/** Repairs a trained model with a repair defense (Fine-Pruning) from a spec, on a copy of it. */
import type { Classifier } from "../models/classifier.js";
import type { RepairInput } from "./define-defense.js";
import { type DefenseSpec, resolveDefenseOfKind } from "./resolve-defense.js";

export function repairModel(
  spec: DefenseSpec | string,
  input: Omit<RepairInput, "where"> & { where?: string },
): { model: Classifier; diagnostics?: Record<string, number> } {
  const where = input.where ?? "defense";
  const { plugin, params } = resolveDefenseOfKind(spec, "repair", where);
  return plugin.repair(params, { ...input, where });
}
