/**
 * A plugin's parameters as a list a person reads: each name with its type (a literal, the choices
 * of an enum, or the JSON type) and default, from the plugin's zod schema. `hemlock attacks`,
 * `hemlock defenses` and the leaderboard app's plugin pages all show this one description.
 */
import { z } from "zod";

export interface ParamDescription {
  name: string;
  type: string;
  default?: unknown;
  /** False for a parameter that may be left out and has no default (its absence means something). */
  required: boolean;
  description?: string;
}

export function describeParams(params: z.ZodType): ParamDescription[] {
  const schema = z.toJSONSchema(params, { io: "input", unrepresentable: "any" }) as {
    required?: string[];
    properties?: Record<
      string,
      { default?: unknown; type?: string; enum?: unknown[]; const?: unknown; description?: string }
    >;
  };
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => ({
    name,
    type:
      prop.const !== undefined
        ? JSON.stringify(prop.const)
        : prop.enum
          ? prop.enum.map((e) => JSON.stringify(e)).join("|")
          : (prop.type ?? "object"),
    ...(prop.default !== undefined ? { default: prop.default } : {}),
    required: (schema.required ?? []).includes(name) && prop.default === undefined,
    ...(prop.description ? { description: prop.description } : {}),
  }));
}
