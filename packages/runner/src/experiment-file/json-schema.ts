/**
 * The JSON Schema of experiment files, generated from the zod schema, for editors: experiment
 * files start with `# yaml-language-server: $schema=../schema.json` (or `./schema.json` at the top
 * of experiments/), and the YAML language server then completes and checks every field.
 * `experiments/schema.json` is this, written by `hemlock schema`; a test keeps it current.
 */
import { z } from "zod";
import { experimentSpecSchema } from "./experiment-spec.js";

export function experimentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(experimentSpecSchema, { io: "input", target: "draft-7" }),
    title: "Hemlock experiment",
    description:
      "A grid of datasets x models x training configurations x attacks x poisoning rates x defenses x seeds (see docs/experiments.md).",
  };
}
