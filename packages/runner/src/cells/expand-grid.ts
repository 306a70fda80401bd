/**
 * Expands a parsed experiment into its cells, before any plugin is resolved: the product of the
 * top-level values, the grid's lists and the zip blocks (each block one factor whose entries move
 * together), times the seeds, less what the exclude rules match. Every axis value keeps the path
 * it came from, so a problem found later points at the line that wrote it.
 */
import { isDeepStrictEqual } from "node:util";
import { AXES, type Axis } from "../experiment-file/experiment-spec.js";
import type { ParsedExperiment } from "../experiment-file/parse-experiment.js";
import type { SpecPath } from "../experiment-file/spec-source.js";

export interface AxisChoice {
  value: unknown;
  path: SpecPath;
}

export type RawCell = Partial<Record<Axis, AxisChoice>> & { seed: number };

/** What the file may leave out: no defense is the `none` control, no train block the defaults. */
const AXIS_DEFAULTS: Partial<Record<Axis, unknown>> = { defense: "none", train: {} };

export function expandGrid({ spec, places }: ParsedExperiment): RawCell[] {
  // One factor per top-level value, grid list or zip block, in axis order (a zip block at its
  // first axis), so cells come out with datasets outermost and defenses innermost.
  const factors: Partial<Record<Axis, AxisChoice>>[][] = [];
  const blocksAdded = new Set<number>();
  for (const axis of AXES) {
    const place = places[axis];
    if (place === undefined) {
      if (axis in AXIS_DEFAULTS) factors.push([{ [axis]: { value: AXIS_DEFAULTS[axis], path: [] } }]);
    } else if (place.kind === "value") factors.push([{ [axis]: { value: spec[axis], path: [axis] } }]);
    else if (place.kind === "grid")
      factors.push((spec.grid[axis] as unknown[]).map((value, i) => ({ [axis]: { value, path: ["grid", axis, i] } })));
    else if (!blocksAdded.has(place.block)) {
      blocksAdded.add(place.block);
      const lists = spec.zip[place.block] as Partial<Record<Axis, unknown[]>>;
      const axes = AXES.filter((a) => lists[a] !== undefined);
      const length = (lists[axis] as unknown[]).length;
      factors.push(
        Array.from({ length }, (_, i) =>
          Object.fromEntries(
            axes.map((a) => [a, { value: (lists[a] as unknown[])[i], path: ["zip", place.block, a, i] }]),
          ),
        ),
      );
    }
  }

  let combinations: Partial<Record<Axis, AxisChoice>>[] = [{}];
  for (const factor of factors)
    combinations = combinations.flatMap((partial) => factor.map((entry) => ({ ...partial, ...entry })));
  const seeds = typeof spec.seeds === "number" ? Array.from({ length: spec.seeds }, (_, i) => i + 1) : spec.seeds;
  return combinations
    .filter((combination) => !spec.exclude.some((rule) => matchesRule(combination, rule)))
    .flatMap((combination) => seeds.map((seed) => ({ ...combination, seed })));
}

function matchesRule(combination: Partial<Record<Axis, AxisChoice>>, rule: Partial<Record<Axis, unknown>>): boolean {
  return Object.entries(rule).every(([axis, matcher]) => {
    const choice = combination[axis as Axis];
    return choice !== undefined && matchesValue(choice.value, matcher);
  });
}

/** A name matches a plugin of that name; a number a rate; an object the fields it lists. */
export function matchesValue(value: unknown, matcher: unknown): boolean {
  if (typeof matcher === "number") return value === matcher;
  const asObject = typeof value === "string" ? { name: value } : (value as Record<string, unknown>);
  if (typeof matcher === "string") return asObject?.name === matcher;
  return Object.entries(matcher as Record<string, unknown>).every(([key, expected]) =>
    isDeepStrictEqual(asObject?.[key], expected),
  );
}
