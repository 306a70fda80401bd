/**
 * `hemlock schema`: the JSON Schema of experiment files, generated from the runner's zod schema,
 * printed or written to a file (experiments/schema.json, which experiment files name on their
 * first line so the YAML language server completes and checks them).
 */
import { writeFile } from "node:fs/promises";
import { experimentJsonSchema } from "@hemlock/runner/planning";

import { text } from "../options/option-values.js";
import { type OptionValues, optionTable } from "../options/shared-tables.js";

export const OPTIONS = optionTable({ out: text.optional() });

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const text = `${JSON.stringify(experimentJsonSchema(), null, 2)}\n`;
  if (options.out !== undefined) {
    await writeFile(options.out, text);
    console.log(`wrote ${options.out}`);
  } else process.stdout.write(text);
  return 0;
}
