/**
 * `hemlock data fetch NAME`: downloads the dataset's original files (for a derived dataset, those
 * of its source), verifies each against its published size and sha256, and moves it into place.
 */
import { datasets, fetchFiles } from "@hemlock/core";
import pc from "picocolors";
import { resolveDataDirOption } from "../data-dir-option.js";

import { text } from "../options/option-values.js";
import { type OptionValues, optionTable } from "../options/shared-tables.js";

export const OPTIONS = optionTable({ mirror: text.optional() });

export async function run(args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const { dir } = resolveDataDirOption(options.dataDir);
  const requested = datasets.get(args[0] as string, "data fetch NAME");
  const plugin = requested.derivedFrom ? datasets.get(requested.derivedFrom) : requested;
  if (plugin !== requested)
    process.stdout.write(`${requested.name} is derived from ${plugin.name}; fetching ${plugin.name}\n`);
  await fetchFiles(plugin.name, dir, plugin.files, {
    ...(options.mirror !== undefined ? { mirror: options.mirror } : {}),
    onEvent: (e) => {
      const line = {
        present: () => `${pc.green("✓")} ${e.file.path}: already present and verified`,
        downloading: () => `  ${e.file.path}: downloading from ${"url" in e ? e.url : ""}`,
        fetched: () => `${pc.green("✓")} ${e.file.path}: ${(e.file.bytes / 1e6).toFixed(1)} MB, sha256 verified`,
        "source-failed": () => `${pc.yellow("!")} ${e.file.path}: ${"reason" in e ? e.reason : ""}`,
      }[e.kind]();
      process.stdout.write(`${line}\n`);
    },
  });
  process.stdout.write(`${plugin.name}: ${plugin.files.length} file(s) verified in ${dir}\n`);
  return 0;
}
