/**
 * Validates an experiment file against its schema and the rules the schema cannot state: each
 * axis is given in exactly one place, a zip block's lists have one length, and an attack needs a
 * rate. Every problem is reported at once, each as file:line:column, field path and expectation.
 */
import { didYouMean, HemlockError } from "@hemlock/core";
import type { z } from "zod";
import { AXES, type Axis, type ExperimentSpec, experimentSpecSchema } from "./experiment-spec.js";
import { type SpecPath, type SpecSource, specProblem } from "./spec-source.js";

/** Where each axis's values come from: the top level, the grid, or a zip block. */
export type AxisPlace = { kind: "value" } | { kind: "grid" } | { kind: "zip"; block: number };

export interface ParsedExperiment {
  spec: ExperimentSpec;
  source: SpecSource;
  places: Partial<Record<Axis, AxisPlace>>;
}

const TOP_LEVEL_KEYS = Object.keys(experimentSpecSchema.shape);

export function parseExperiment(source: SpecSource): ParsedExperiment {
  const result = experimentSpecSchema.safeParse(source.value ?? {});
  if (!result.success)
    throw specError(
      source,
      result.error.issues.map((issue) => describeIssue(source, issue)),
    );
  const spec = result.data;
  const problems: string[] = [];
  const places: Partial<Record<Axis, AxisPlace>> = {};
  for (const axis of AXES) {
    const found: { place: AxisPlace; path: SpecPath }[] = [];
    if (spec[axis] !== undefined) found.push({ place: { kind: "value" }, path: [axis] });
    if (spec.grid[axis] !== undefined) found.push({ place: { kind: "grid" }, path: ["grid", axis] });
    spec.zip.forEach((block, i) => {
      if (block[axis] !== undefined) found.push({ place: { kind: "zip", block: i }, path: ["zip", i, axis] });
    });
    const [first, second] = found;
    if (second)
      problems.push(
        specProblem(
          source,
          second.path,
          `${axis} is also given at ${found[0] ? describePlace(found[0].path) : ""}; give each axis in one place`,
        ),
      );
    if (first) places[axis] = first.place;
  }
  for (const axis of ["dataset", "model"] as const)
    if (places[axis] === undefined)
      problems.push(
        specProblem(source, [], `${axis}: required (a value at the top level, or a list under grid or zip)`),
      );
  if (places.attack !== undefined && places.rate === undefined)
    problems.push(
      specProblem(source, [], "rate: required when attacks are given (a value, or a list under grid or zip)"),
    );
  spec.zip.forEach((block, i) => {
    const lengths = Object.entries(block).map(([axis, list]) => [axis, (list as unknown[]).length] as const);
    const [firstAxis, firstLength] = lengths[0] ?? ["", 0];
    for (const [axis, length] of lengths.slice(1))
      if (length !== firstLength)
        problems.push(
          specProblem(
            source,
            ["zip", i, axis],
            `has ${length} entries but ${firstAxis} in the same zip block has ${firstLength}; zipped lists vary together, so their lengths must match`,
          ),
        );
  });
  if (problems.length > 0) throw specError(source, problems);
  return { spec, source, places };
}

function describePlace(path: SpecPath): string {
  return path.length === 1
    ? "the top level"
    : path
        .slice(0, -1)
        .join(".")
        .replace(/\.(\d+)/g, "[$1]");
}

function describeIssue(source: SpecSource, issue: z.core.$ZodIssue): string {
  const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const known = path.length === 0 ? TOP_LEVEL_KEYS : [];
    return issue.keys
      .map((key) => {
        const suggestion = didYouMean(key, known);
        const expected = path.length === 0 ? `; expected one of ${TOP_LEVEL_KEYS.join(", ")}` : "";
        return specProblem(
          source,
          [...path, key],
          `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : expected}`,
        );
      })
      .join("\n");
  }
  if (issue.code === "invalid_union") {
    // Name what each alternative expected, instead of zod's bare "Invalid input".
    const expected = issue.errors.map(
      (branch) => /expected ([^,]+)/.exec(branch[0]?.message ?? "")?.[1] ?? "something else",
    );
    const received = issue.errors
      .flat()
      .map((inner) => /received (\w+)/.exec(inner.message)?.[1])
      .find(Boolean);
    return specProblem(
      source,
      path,
      `expected ${[...new Set(expected)].join(" or ")}${received ? `, received ${received}` : ""}`,
    );
  }
  return specProblem(source, path, issue.message.replace(/^Invalid input: /, ""));
}

function specError(source: SpecSource, problems: string[]): HemlockError {
  return new HemlockError(
    "INVALID_SPEC",
    problems.join("\n"),
    `Fix ${source.file}; experiments/schema.json describes every field (editors with the YAML language server check it as you type).`,
  );
}
