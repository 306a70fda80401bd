/** `hemlock data list`: every registered dataset, its state on disk, size and summary. */
import { datasetStatus, datasets } from "@hemlock/core";
import { resolveDataDirOption } from "../data-dir-option.js";
import { formatColumns } from "../format/columns.js";

import { type OptionValues, optionTable } from "../options/shared-tables.js";

export const OPTIONS = optionTable({});

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const { dir, source } = resolveDataDirOption(options.dataDir);
  const rows = [["NAME", "STATE", "SIZE", "DESCRIPTION"]];
  for (const plugin of datasets.list()) {
    const status = await datasetStatus(plugin, dir);
    const bytes = plugin.files.reduce((sum, f) => sum + f.bytes, 0);
    const state = plugin.derivedFrom ? `${status.state} (from ${plugin.derivedFrom})` : status.state;
    rows.push([plugin.name, state, bytes > 0 ? `${(bytes / 1e6).toFixed(1)} MB` : "-", plugin.summary]);
  }
  process.stdout.write(`data directory: ${dir} (${source})\n\n${formatColumns(rows)}\n`);
  return 0;
}
