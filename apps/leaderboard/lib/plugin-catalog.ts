/**
 * What each attack and defense is (kind, summary, citation, parameters), from the registries as
 * the build step wrote them (scripts/write-plugin-catalog.mjs), so the app never loads TensorFlow.js.
 */
import type { CatalogPlugin } from "@hemlock/core/plugin-catalog";
import catalog from "./generated/plugin-catalog.json";

export type { CatalogPlugin };
/** A parameter as the catalog describes it. */
export type CatalogParam = CatalogPlugin["params"][number];

const attacks = catalog.attacks as CatalogPlugin[];
const defenses = catalog.defenses as CatalogPlugin[];

export function attackEntry(name: string): CatalogPlugin | undefined {
  return attacks.find((a) => a.name === name);
}

export function defenseEntry(name: string): CatalogPlugin | undefined {
  return defenses.find((d) => d.name === name);
}
