/**
 * Build step: writes lib/generated/plugin-catalog.json, every attack and defense in the registries
 * (name, kind, summary, citation, parameters with defaults, what a defense needs), so the plugin
 * pages show what each method is without the app loading @hemlock/core, and with it TensorFlow.js,
 * at run time. It copies the catalog core's build wrote; the file is not committed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { readPluginCatalog } from "@hemlock/core/plugin-catalog";

const catalog = readPluginCatalog();
const out = new URL("../lib/generated/", import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL("plugin-catalog.json", out), `${JSON.stringify(catalog, null, 2)}\n`);
console.log(`plugin catalog: ${catalog.attacks.length} attacks, ${catalog.defenses.length} defenses`);
