/**
 * Build step: writes lib/generated/plugin-catalog.json, every attack and defense in the registries
 * (name, kind, summary, citation, parameters with defaults, what a defense needs), so the plugin
 * pages show what each method is without the app loading @hemlock/core, and with it TensorFlow.js,
 * at run time. It runs before `next build`, `next dev` and the type check; the file is not committed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { attacks, defenses, describeParams } from "@hemlock/core";

const describe = (p, extra) => ({
  name: p.name,
  summary: p.summary,
  citation: p.citation,
  params: describeParams(p.params),
  ...extra,
});

const catalog = {
  attacks: attacks.list().map((a) => describe(a, { kind: a.kind, domains: a.domains })),
  defenses: defenses.list().map((d) => describe(d, { kind: d.kind, needs: d.needs, requires: d.requires })),
};
const out = new URL("../lib/generated/", import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL("plugin-catalog.json", out), `${JSON.stringify(catalog, null, 2)}\n`);
console.log(`plugin catalog: ${catalog.attacks.length} attacks, ${catalog.defenses.length} defenses`);
