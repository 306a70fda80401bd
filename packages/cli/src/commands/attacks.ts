/** `hemlock attacks`: the attack registry with kinds, parameters (defaults from zod) and citations. */
import { attacks } from "@hemlock/core";
import { printPluginListing } from "../format/plugin-listing.js";

import { flag } from "../options/option-values.js";
import { type OptionValues, optionTable } from "../options/shared-tables.js";

export const OPTIONS = optionTable({ json: flag });

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  return printPluginListing(
    attacks.list().map((a) => ({
      ...a,
      describe: `${a.kind}, ${a.domains.join("/")} data`,
      extra: { kind: a.kind, domains: a.domains },
    })),
    options.json,
  );
}
