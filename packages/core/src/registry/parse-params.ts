/**
 * Validates a plugin's parameters against its zod schema and reports every problem with its
 * path, e.g. `grid.attack[1].alpha: expected number <= 1, got 2`.
 */
import type { z } from "zod";
import { HemlockError } from "../errors.js";

export function parseParams<S extends z.ZodType>(schema: S, params: unknown, where: string): z.output<S> {
  const result = schema.safeParse(params ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = [where, ...issue.path.map(String)].filter((p) => p !== "").join(".");
    const got = describeValue(valueAt(params, issue.path));
    const message = issue.message.replace(/^Invalid input: /, "");
    // zod already names the received type for type errors; otherwise say what was given.
    const detail = issue.code === "unrecognized_keys" || /received/.test(message) ? message : `${message}, got ${got}`;
    return `${path}: ${detail}`;
  });
  throw new HemlockError("INVALID_PARAMS", problems.join("\n"));
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let v = value;
  for (const key of path)
    v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  return typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
}
