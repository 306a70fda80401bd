/**
 * Do the defenses differ across settings, not just within one? The Friedman test over the
 * settings of a ranked leaderboard (each setting a block, each defense that ran in every one of
 * them a treatment, its mean over seeds the value), with the defenses' mean ranks (1 = best).
 */
import { type FriedmanTest, friedmanTest } from "../statistics/friedman-test.js";
import type { RankedSetting } from "./ranked-leaderboard.js";

export interface FriedmanAcrossSettings extends FriedmanTest {
  /** The defenses in every setting, in the order of meanRanks. */
  defenses: string[];
  settings: number;
  /** Defenses left out because some setting lacks them. */
  leftOut: string[];
}

/** Undefined unless at least two settings share at least two defenses. */
export function friedmanAcrossSettings(ranked: readonly RankedSetting[]): FriedmanAcrossSettings | undefined {
  if (ranked.length < 2) return undefined;
  const all = [...new Set(ranked.flatMap((s) => s.entries.map((e) => e.defense)))].sort();
  const defenses = all.filter((d) => ranked.every((s) => s.entries.some((e) => e.defense === d)));
  if (defenses.length < 2) return undefined;
  const table = ranked.map((s) => defenses.map((d) => s.entries.find((e) => e.defense === d)?.mean as number));
  return {
    ...friedmanTest(table, ranked[0]?.higherIsBetter ?? true),
    defenses,
    settings: ranked.length,
    leftOut: all.filter((d) => !defenses.includes(d)),
  };
}
