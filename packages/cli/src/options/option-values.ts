/**
 * The kinds of value a `hemlock` option takes, as zod schemas over what commander hands over
 * (text, `true` for a flag, undefined when absent): each command declares its options with these
 * in one typed table, and parse-options.ts turns a bad value into an error naming the option,
 * what was expected and what was given, as spec files' errors do.
 */
import { isPoisoningRate, POISONING_RATE } from "@hemlock/core/portable";
import { z } from "zod";

const shown = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : String(value));

/** A number read from text (commander's values are strings; defaults may be numbers). */
function numberFrom(expected: string, accepts: (n: number) => boolean) {
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    const n = typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value);
    if (accepts(n)) return n;
    ctx.addIssue({ code: "custom", message: `expected ${expected}, got ${shown(value)}` });
    return z.NEVER;
  });
}

export const text = z.string();

/** A flag: true when given. */
export const flag = z
  .boolean()
  .optional()
  .transform((v) => v === true);

export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  const expected =
    max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`;
  return numberFrom(expected, (n) => Number.isInteger(n) && n >= min && n <= max);
}

export const port = wholeNumber(1, 65535);

export const integer = numberFrom("an integer", Number.isInteger);

export const poisoningRate = numberFrom(POISONING_RATE.text, isPoisoningRate);

/** A probability strictly between 0 and 1 (a significance level). */
export const openProportion = numberFrom("a number in (0, 1)", (n) => n > 0 && n < 1);

/** One of a fixed set (commander's .choices() has checked it; this types it). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values);
}

/** A JSON object given on the command line, e.g. --params '{"target": 1}'. */
export const jsonObject = z.string().transform((value, ctx) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    ctx.addIssue({ code: "custom", message: `expected JSON, got ${shown(value)}` });
    return z.NEVER;
  }
  if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  ctx.addIssue({ code: "custom", message: `expected a JSON object, got ${shown(value)}` });
  return z.NEVER;
});
