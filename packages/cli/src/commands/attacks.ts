/** `hemlock attacks`: the attack registry with kinds, parameters (defaults from zod) and citations. */
import { attacks } from "@hemlock/core";
import { printPluginListing } from "../format/plugin-listing.js";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  return printPluginListing(
    attacks.list().map((a) => ({
      ...a,
      describe: `${a.kind}, ${a.domains.join("/")} data`,
      extra: { kind: a.kind, domains: a.domains },
    })),
    Boolean(options.json),
  );
}
