/** The plugin catalog from the live registries (what the build writes, and what a test compares it with). */
import { attacks } from "../attacks/attack-registry.js";
import { defenses } from "../defenses/defense-registry.js";
import { describeParams } from "./describe-params.js";
import type { PluginCatalog } from "./plugin-catalog.js";

export function buildPluginCatalog(): PluginCatalog {
  const described = (p: {
    name: string;
    summary: string;
    citation: string;
    params: Parameters<typeof describeParams>[0];
  }) => ({
    name: p.name,
    summary: p.summary,
    citation: p.citation,
    params: describeParams(p.params),
  });
  return {
    attacks: attacks.list().map((a) => ({ ...described(a), kind: a.kind, domains: [...a.domains] })),
    defenses: defenses.list().map((d) => ({
      ...described(d),
      kind: d.kind,
      needs: [...d.needs],
      requires: [...d.requires],
    })),
  };
}
