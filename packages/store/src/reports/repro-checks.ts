/**
 * Reproduction checks: a published number against what the store measured. An expectation names
 * a metric, the cells it reads (a selector over the axes, as the leaderboard's filters), the
 * published value and a tolerance (absolute, or a [low, high] range the measurement must fall
 * in), and where in the paper the number stands. The measurement is the mean over seeds of the one
 * setting the selector picks (or of every setting it picks, with `each`), or its difference from
 * a baseline setting (`relativeTo`). Checks are recorded in repro_checks, never edited: each run
 * adds its own.
 */
import { desc, eq } from "drizzle-orm";
import type { Store } from "../database/open-store.js";
import { experiments, reproChecks } from "../database/schema.js";
import { type CellFilter, type LeaderboardRow, leaderboard } from "../queries/leaderboard.js";

export type Selector = Omit<CellFilter, "experimentId">;

export interface Expectation {
  metric: string;
  where: Selector;
  published: number;
  /** |measured - published| <= tolerance, or measured within [low, high]. */
  tolerance: number | [number, number];
  /** Where the number stands in the paper: "Table 2", "Section 4". */
  source: string;
  /** Check every setting the selector picks (default: it must pick exactly one). */
  each?: boolean;
  /** Measure the difference from this setting's mean (e.g. the clean-error gap to the unpoisoned model). */
  relativeTo?: Selector;
}

export interface CheckResult {
  expectation: Expectation;
  /** The setting measured (its labels), when one was found. */
  setting?: Pick<LeaderboardRow, "dataset" | "model" | "attack" | "rate" | "defense">;
  measured?: number;
  ciLow?: number;
  ciHigh?: number;
  n?: number;
  passed: boolean;
  /** Why the check could not be measured, when it could not. */
  problem?: string;
}

export function evaluateExpectations(
  store: Store,
  experimentId: number,
  expectations: readonly Expectation[],
): CheckResult[] {
  return expectations.flatMap((expectation): CheckResult[] => {
    const rows = leaderboard(store, { ...expectation.where, experimentId, metrics: [expectation.metric] });
    if (rows.length === 0) return [{ expectation, passed: false, problem: "no finished cell matches the selector" }];
    if (rows.length > 1 && !expectation.each)
      return [
        {
          expectation,
          passed: false,
          problem: `the selector matches ${rows.length} settings (${rows.map(describe).join("; ")}); narrow it, or set each: true`,
        },
      ];
    let baseline: LeaderboardRow | undefined;
    if (expectation.relativeTo) {
      const base = leaderboard(store, { ...expectation.relativeTo, experimentId, metrics: [expectation.metric] });
      if (base.length !== 1)
        return [
          {
            expectation,
            passed: false,
            problem: `relativeTo matches ${base.length} settings; it must match exactly one`,
          },
        ];
      baseline = base[0];
    }
    return rows.map((row) => {
      const shift = baseline?.mean ?? 0;
      const measured = row.mean - shift;
      const ciLow = row.ciLow - shift;
      const ciHigh = row.ciHigh - shift;
      const { tolerance, published } = expectation;
      const passed = Array.isArray(tolerance)
        ? measured >= tolerance[0] && measured <= tolerance[1]
        : Math.abs(measured - published) <= tolerance + 1e-12;
      return {
        expectation,
        setting: { dataset: row.dataset, model: row.model, attack: row.attack, rate: row.rate, defense: row.defense },
        measured,
        ciLow,
        ciHigh,
        n: row.n,
        passed,
      };
    });
  });
}

/** Adds the checks to repro_checks, in one transaction. */
export function recordReproChecks(
  store: Store,
  experimentId: number,
  results: readonly CheckResult[],
  at = new Date(),
): void {
  store.sqlite.transaction(() => {
    for (const r of results)
      store.db
        .insert(reproChecks)
        .values({
          experimentId,
          metric: r.expectation.metric,
          selector: {
            where: r.expectation.where,
            ...(r.setting ? { setting: r.setting } : {}),
            ...(r.expectation.relativeTo ? { relativeTo: r.expectation.relativeTo } : {}),
            ...(r.problem ? { problem: r.problem } : {}),
          },
          published: r.expectation.published,
          tolerance: r.expectation.tolerance,
          measured: r.measured ?? null,
          ciLow: r.ciLow ?? null,
          ciHigh: r.ciHigh ?? null,
          passed: r.passed,
          source: r.expectation.source,
          checkedAt: at,
        })
        .run();
  })();
}

export interface StoredCheck {
  experiment: string;
  metric: string;
  selector: unknown;
  published: number;
  tolerance: unknown;
  measured: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  passed: boolean;
  source: string;
  checkedAt: Date;
}

/** The latest round of checks of each experiment (those recorded at its latest check time). */
export function latestReproChecks(store: Store): StoredCheck[] {
  const rows = store.db
    .select({
      experiment: experiments.name,
      experimentId: reproChecks.experimentId,
      metric: reproChecks.metric,
      selector: reproChecks.selector,
      published: reproChecks.published,
      tolerance: reproChecks.tolerance,
      measured: reproChecks.measured,
      ciLow: reproChecks.ciLow,
      ciHigh: reproChecks.ciHigh,
      passed: reproChecks.passed,
      source: reproChecks.source,
      checkedAt: reproChecks.checkedAt,
    })
    .from(reproChecks)
    .innerJoin(experiments, eq(experiments.id, reproChecks.experimentId))
    .orderBy(desc(reproChecks.checkedAt), reproChecks.id)
    .all();
  const latest = new Map<number, number>();
  for (const r of rows) if (!latest.has(r.experimentId)) latest.set(r.experimentId, r.checkedAt.getTime());
  return rows
    .filter((r) => r.checkedAt.getTime() === latest.get(r.experimentId))
    .map(({ experimentId: _, selector, tolerance, ...r }) => ({
      ...r,
      selector: selector as unknown,
      tolerance: tolerance as unknown,
    }));
}

function describe(r: LeaderboardRow): string {
  return `${r.dataset}/${r.model}/${r.attack}/rate ${r.rate}/${r.defense}`;
}
