/**
 * Build step, after tsc: writes dist/plugin-catalog.json from the registries (see
 * src/registry/plugin-catalog.ts), so the plugin listings need not load the plugins.
 */
import { writeFileSync } from "node:fs";
import { buildPluginCatalog } from "../dist/index.js";

const catalog = buildPluginCatalog();
writeFileSync(new URL("../dist/plugin-catalog.json", import.meta.url), `${JSON.stringify(catalog, null, 2)}\n`);
