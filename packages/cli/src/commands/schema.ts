/**
 * `hemlock schema`: the JSON Schema of experiment files, generated from the runner's zod schema,
 * printed or written to a file (experiments/schema.json, which experiment files name on their
 * first line so the YAML language server completes and checks them).
 */
import { writeFile } from "node:fs/promises";
import { experimentJsonSchema } from "@hemlock/runner";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const text = `${JSON.stringify(experimentJsonSchema(), null, 2)}\n`;
  if (typeof options.out === "string") {
    await writeFile(options.out, text);
    console.log(`wrote ${options.out}`);
  } else process.stdout.write(text);
  return 0;
}
