/**
 * `hemlock gc`: deletes the artifacts under the store's directory that no recorded cell is built
 * from (older code versions' models, orphans of killed runs), with their rows; `--dry-run` lists.
 */
import { collectGarbage } from "@hemlock/store";
import { flag } from "../options/option-values.js";
import { type OptionValues, optionTable, storeFields } from "../options/shared-tables.js";
import { openExistingStore } from "../store-option.js";

export const OPTIONS = optionTable({ ...storeFields, dryRun: flag, json: flag });

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const store = await openExistingStore(options.db);
  try {
    const { dryRun } = options;
    const report = await collectGarbage(store, { dryRun });
    if (options.json) console.log(JSON.stringify({ dryRun, ...report }, null, 2));
    else
      console.log(
        `${dryRun ? "would remove" : "removed"} ${report.removed.length} unreferenced artifacts (${(report.bytesFreed / 1e6).toFixed(1)} MB); ${report.referenced} artifact keys are referenced by cells`,
      );
    return 0;
  } finally {
    store.close();
  }
}
