/**
 * `hemlock attacks`: the attack registry with kinds, parameters (defaults from zod) and citations,
 * read from the plugin catalog core's build writes, so listing loads no plugin.
 */
import { readPluginCatalog } from "@hemlock/core/plugin-catalog";
import { printPluginListing } from "../format/plugin-listing.js";

import { flag } from "../options/option-values.js";
import { type OptionValues, optionTable } from "../options/shared-tables.js";

export const OPTIONS = optionTable({ json: flag });

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  return printPluginListing(
    readPluginCatalog().attacks.map((a) => ({
      ...a,
      describe: `${a.kind}, ${(a.domains ?? []).join("/")} data`,
      extra: { kind: a.kind, domains: a.domains },
    })),
    options.json,
  );
}
