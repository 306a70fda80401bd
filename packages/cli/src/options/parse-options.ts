/**
 * Validates a command's option values against its option table (a zod object of option-values.ts
 * kinds), before the command runs: every problem is reported together, each as
 * `--option-name: expected ..., got "..."`, the style of spec files' errors.
 */
import { HemlockError } from "@hemlock/core/portable";
import type { z } from "zod";

const flagName = (key: PropertyKey) => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function parseOptions<S extends z.ZodType>(table: S, values: Record<string, unknown>): z.output<S> {
  const result = table.safeParse(values);
  if (result.success) return result.data;
  throw new HemlockError(
    "INVALID_ARGUMENT",
    result.error.issues
      .map((issue) => {
        const [key, ...rest] = issue.path;
        const name = key === undefined ? "options" : `${flagName(key)}${rest.length > 0 ? `.${rest.join(".")}` : ""}`;
        return `${name}: ${issue.message.replace(/^Invalid input: /, "")}`;
      })
      .join("\n"),
  );
}
