/**
 * The defense-kind table: every kind core's defenses declare, with what the runner plans and
 * measures for it. Typed by core's DefenseKind, so a kind added there and not here fails to compile.
 */
import { type DefenseKind, defenses } from "@hemlock/core";
import { baselineKind } from "./baseline.js";
import type { DefenseKindEntry } from "./defense-kind.js";
import { detectInputKind } from "./detect-input.js";
import { repairKind } from "./repair.js";
import { sanitizeKind } from "./sanitize.js";
import { trainKind } from "./train.js";

export const DEFENSE_KINDS: Record<DefenseKind, DefenseKindEntry> = {
  baseline: baselineKind,
  sanitize: sanitizeKind,
  train: trainKind,
  repair: repairKind,
  "detect-input": detectInputKind,
};

/** The table entry of a registered defense. */
export function defenseKindOf(name: string): DefenseKindEntry {
  return DEFENSE_KINDS[defenses.get(name).kind];
}
