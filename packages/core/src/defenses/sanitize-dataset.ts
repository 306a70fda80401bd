/**
 * Runs a sanitizing defense on a training set and applies its decision: the examples it keeps,
 * with its new labels if it relabels, plus the scores and removal mask that detection metrics
 * compare with the attack's poison mask.
 */
import type { Dataset } from "../datasets/dataset.js";
import { gatherBatch } from "../datasets/labeled-arrays.js";
import { HemlockError } from "../errors.js";
import type { SanitizeInput, SanitizeResult } from "./define-defense.js";
import { type DefenseSpec, resolveDefenseOfKind } from "./resolve-defense.js";

export interface Sanitized extends SanitizeResult {
  /** The training set the defended model trains on. */
  kept: Dataset;
  /** Index in the input training set of each kept example. */
  keptIndices: Int32Array;
  /** The examples the defense acted on (removed or relabelled): its detections. */
  flagged: Uint8Array;
}

export function sanitizeDataset(
  spec: DefenseSpec | string,
  input: Omit<SanitizeInput, "where"> & { where?: string },
): Sanitized {
  const where = input.where ?? "defense";
  const { plugin, params } = resolveDefenseOfKind(spec, "sanitize", where);
  for (const need of plugin.needs) {
    const missing =
      (need === "poisoned-model" && input.model === undefined) ||
      (need === "poison-mask" && input.mask === undefined) ||
      (need === "removal-count" &&
        input.removalCount === undefined &&
        (plugin.removalCountFrom?.needed(params as never) ?? true));
    if (missing)
      throw new HemlockError("INVALID_ARGUMENT", `${where}: ${plugin.name} needs the ${need}, which was not given`);
  }
  const result = plugin.sanitize(params, { ...input, where });
  const n = input.train.labels.length;
  if (result.scores.length !== n || result.removed.length !== n)
    throw new Error(`${plugin.name} returned ${result.scores.length} scores for ${n} examples`);
  const keptIndices = Int32Array.from([...result.removed.keys()].filter((i) => result.removed[i] === 0));
  const source = result.relabeled ? { ...input.train, labels: result.relabeled } : input.train;
  const flagged = result.removed.map((r, i) =>
    r === 1 || (result.relabeled && result.relabeled[i] !== input.train.labels[i]) ? 1 : 0,
  );
  return { ...result, kept: { ...input.train, ...gatherBatch(source, keptIndices) }, keptIndices, flagged };
}
