/**
 * The keys a zod object schema accepts at a path inside a larger schema, looking through
 * optional, default, nullable and pipe wrappers, arrays and unions (the keys of every object
 * option): what a "did you mean" for a mistyped nested parameter compares against.
 */
import type { z } from "zod";

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "nonoptional", "readonly", "catch"]);

export function schemaKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  const visit = (s: z.ZodType, rest: readonly PropertyKey[], depth: number): void => {
    if (depth > 32) return;
    const def = defOf(s);
    const [head, ...tail] = rest;
    if (WRAPPERS.has(def.type) && def.innerType) visit(def.innerType, rest, depth + 1);
    else if (def.type === "pipe" && def.in) visit(def.in, rest, depth + 1);
    else if (def.type === "union" && def.options) for (const option of def.options) visit(option, rest, depth + 1);
    else if (head === undefined) {
      if (def.type === "object" && def.shape) for (const k of Object.keys(def.shape)) keys.add(k);
    } else if (def.type === "object" && def.shape && typeof head === "string" && def.shape[head])
      visit(def.shape[head], tail, depth + 1);
    else if (def.type === "array" && def.element && typeof head === "number") visit(def.element, tail, depth + 1);
  };
  visit(schema, path, 0);
  return [...keys];
}
