/**
 * Validates a plugin's parameters against its zod schema and reports every problem with its
 * path, e.g. `grid.attack[1].alpha: expected number <= 1, got 2`.
 */
import type { z } from "zod";
import { HemlockError } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import { schemaKeysAt } from "./schema-keys.js";

export function parseParams<S extends z.ZodType>(schema: S, params: unknown, where: string): z.output<S> {
  const result = schema.safeParse(params ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = [where, ...issue.path.map(String)].filter((p) => p !== "").join(".");
    const got = describeValue(valueAt(params, issue.path));
    const message = issue.message.replace(/^Invalid input: /, "");
    // zod already names the received type for type errors; otherwise say what was given.
    const named =
      issue.code === "unrecognized_keys" ||
      /received/.test(message) ||
      (issue.code === "custom" && issue.params?.describesValue === true);
    const detail = named ? message : `${message}, got ${got}`;
    return `${path}: ${detail}${issue.code === "unrecognized_keys" ? suggestKeys(schema, issue.path, issue.keys) : ""}`;
  });
  throw new HemlockError("INVALID_PARAMS", problems.join("\n"));
}

/** "; did you mean ..." for each unknown key close to one the schema takes there, at any depth. */
function suggestKeys(schema: z.ZodType, path: PropertyKey[], unknown: string[]): string {
  const known = schemaKeysAt(schema, path);
  const close = unknown.flatMap((key) => {
    const best = didYouMean(key, known);
    return best ? [{ key, best }] : [];
  });
  if (close.length === 0) return "";
  if (unknown.length === 1) return `; did you mean "${close[0]?.best}"?`;
  return `; did you mean ${close.map(({ key, best }) => `"${best}" for "${key}"`).join(", ")}?`;
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
