/**
 * `hemlock bundle import FILE`: checks a bundle (shape and checksums) and adds its experiment and
 * cells to the store; identical cells already there are skipped, and a conflicting one aborts the
 * import with nothing written. The store is created if it does not exist yet.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { HemlockError } from "@hemlock/core";
import { importBundle, openStore, verifyBundle } from "@hemlock/store";

import { type OptionValues, optionTable, storeFields } from "../options/shared-tables.js";

export const OPTIONS = optionTable({ ...storeFields });

export async function run(args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const [file] = args as [string];
  const raw = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new HemlockError("INVALID_ARGUMENT", `${file}: cannot read it (${error.code ?? error.message})`);
  });
  let data: unknown;
  try {
    // gzip's magic bytes: bundles written to a .gz name are compressed.
    const text = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
    data = JSON.parse(text);
  } catch (error) {
    throw new HemlockError(
      "INVALID_ARGUMENT",
      `${file}: not a bundle (${(error as Error).message})`,
      "A bundle is the file `hemlock bundle export` writes.",
    );
  }
  const bundle = verifyBundle(data, file);
  const store = await openStore(resolve(options.db));
  try {
    const report = importBundle(store, bundle);
    console.log(
      `${file}: experiment ${report.experiment} (${report.createdExperiment ? "new" : "already in the store"}): ` +
        `${report.added} cells added, ${report.present} already present and identical`,
    );
    return 0;
  } finally {
    store.close();
  }
}
