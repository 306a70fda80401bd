/** `hemlock show EXP`: one experiment's grid as a table, a row per cell with its status and headline metrics. */
import { HemlockError } from "@hemlock/core";
import { experimentCellRows, listExperiments } from "@hemlock/store";
import Table from "cli-table3";
import { flag } from "../options/option-values.js";
import { type OptionValues, optionTable, storeFields } from "../options/shared-tables.js";
import { openExistingStore } from "../store-option.js";

export const OPTIONS = optionTable({ ...storeFields, json: flag });

export async function run(args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const [name] = args as [string];
  const store = await openExistingStore(options.db);
  try {
    const rows = experimentCellRows(store, name);
    if (rows === undefined) {
      const known = listExperiments(store).map((e) => e.name);
      throw new HemlockError(
        "UNKNOWN_NAME",
        `no experiment "${name}" in ${store.path}`,
        known.length > 0 ? `Experiments there: ${known.join(", ")}.` : "Run one with `hemlock run FILE` first.",
      );
    }
    if (options.json) {
      console.log(JSON.stringify(rows, null, 2));
      return 0;
    }
    const pct = (v: number | null | undefined) => (v == null ? "" : (100 * v).toFixed(2));
    const table = new Table({
      head: ["dataset", "model", "attack", "rate", "defense", "seed", "status", "clean acc %", "ASR %"],
      style: { head: [], border: [] },
    });
    for (const r of rows)
      table.push([
        r.dataset,
        r.model,
        r.attack,
        r.rate,
        r.defense,
        r.seed,
        r.status === "failed" ? `failed: ${r.error ?? ""}`.slice(0, 60) : r.status,
        pct(r.metrics.cleanAccuracy),
        pct(r.metrics.attackSuccessRate),
      ]);
    console.log(`${name}: ${rows.length} cells`);
    console.log(table.toString());
    return 0;
  } finally {
    store.close();
  }
}
