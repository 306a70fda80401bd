/**
 * `hemlock data verify [NAME]`: checks files against their published sizes and sha256. Exits 1
 * if a file is corrupt or missing from a partly present dataset, or if a named dataset is absent.
 */
import { datasetStatus, datasets } from "@hemlock/core";
import pc from "picocolors";
import { resolveDataDirOption } from "../data-dir-option.js";

import { type OptionValues, optionTable } from "../options/shared-tables.js";

export const OPTIONS = optionTable({});

export async function run(args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const { dir } = resolveDataDirOption(options.dataDir);
  const name = args[0];
  const plugins = name === undefined ? datasets.list() : [datasets.get(name, "data verify NAME")];
  let failed = false;
  for (const plugin of plugins) {
    const status = await datasetStatus(plugin, dir);
    const bad =
      status.state === "corrupt" || status.state === "incomplete" || (name !== undefined && status.state === "absent");
    failed ||= bad;
    const mark = bad ? pc.red("✗") : status.state === "absent" ? pc.yellow("-") : pc.green("✓");
    process.stdout.write(`${mark} ${plugin.name}: ${status.detail}\n`);
    if (status.fix && status.state !== "verified") process.stdout.write(`    ${pc.dim("→")} ${status.fix}\n`);
  }
  return failed ? 1 : 0;
}
