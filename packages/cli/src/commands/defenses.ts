/**
 * `hemlock defenses`: the defense registry with kinds, what each needs (artifacts and model
 * capabilities), parameters (defaults from zod) and citations, read from the plugin catalog
 * core's build writes, so listing loads no plugin.
 */
import { readPluginCatalog } from "@hemlock/core/plugin-catalog";
import { printPluginListing } from "../format/plugin-listing.js";

import { flag } from "../options/option-values.js";
import { type OptionValues, optionTable } from "../options/shared-tables.js";

export const OPTIONS = optionTable({ json: flag });

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  return printPluginListing(
    readPluginCatalog().defenses.map((d) => {
      const needs = [...(d.needs ?? []), ...(d.requires ?? []).map((c) => `model ${c}`)];
      return {
        ...d,
        describe: `${d.kind}${needs.length > 0 ? `; needs ${needs.join(", ")}` : ""}`,
        extra: { kind: d.kind, needs: d.needs, requires: d.requires },
      };
    }),
    options.json,
  );
}
