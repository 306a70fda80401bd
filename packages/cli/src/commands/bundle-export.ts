/**
 * `hemlock bundle export EXP --out FILE`: writes the experiment's finished and failed cells with
 * metrics, provenance and checksums (gzip-compressed when FILE ends in .gz), atomically.
 */
import { rename, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { HemlockError } from "@hemlock/core";
import { exportBundle, listExperiments } from "@hemlock/store";
import { text } from "../options/option-values.js";
import { type OptionValues, optionTable, storeFields } from "../options/shared-tables.js";
import { openExistingStore } from "../store-option.js";

export const OPTIONS = optionTable({ ...storeFields, out: text });

export async function run(args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const [name] = args as [string];
  const { out } = options;
  const store = await openExistingStore(options.db);
  try {
    const exported = exportBundle(store, name);
    if (!exported)
      throw new HemlockError(
        "UNKNOWN_NAME",
        `no experiment "${name}" in ${store.path}`,
        `Experiments there: ${listExperiments(store)
          .map((e) => e.name)
          .join(", ")}.`,
      );
    const text = JSON.stringify(exported.bundle);
    const data = out.endsWith(".gz") ? gzipSync(text) : Buffer.from(text);
    const temporary = `${out}.${process.pid}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, out);
    const failed = exported.bundle.cells.filter((c) => c.status === "failed").length;
    console.log(
      `wrote ${out} (${data.length} bytes): experiment ${name}, ${exported.bundle.cells.length - failed} finished and ${failed} failed cells` +
        (exported.unfinished > 0 ? `; ${exported.unfinished} cells without results left out` : ""),
    );
    return 0;
  } finally {
    store.close();
  }
}
