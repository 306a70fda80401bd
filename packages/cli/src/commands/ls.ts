/** `hemlock ls`: the experiments in the store with their cell counts by status. */
import { listExperiments } from "@hemlock/store";
import Table from "cli-table3";
import { flag } from "../options/option-values.js";
import { type OptionValues, optionTable, storeFields } from "../options/shared-tables.js";
import { openExistingStore } from "../store-option.js";

export const OPTIONS = optionTable({ ...storeFields, json: flag });

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const store = await openExistingStore(options.db);
  try {
    const rows = listExperiments(store);
    if (options.json) console.log(JSON.stringify(rows, null, 2));
    else if (rows.length === 0) console.log(`no experiments in ${store.path}`);
    else {
      const table = new Table({
        head: ["experiment", "cells", "finished", "failed", "pending", "updated"],
        style: { head: [], border: [] },
      });
      for (const r of rows) table.push([r.name, r.cells, r.finished, r.failed, r.pending, r.updatedAt.toISOString()]);
      console.log(table.toString());
    }
    return 0;
  } finally {
    store.close();
  }
}
