/**
 * What each attack and defense is (kind, summary, citation, parameters), from the registries as
 * the build step wrote them (scripts/write-plugin-catalog.mjs), so the app never loads TensorFlow.js.
 */
import catalog from "./generated/plugin-catalog.json";

export interface CatalogParam {
  name: string;
  type: string;
  default?: unknown;
  required: boolean;
}

export interface CatalogPlugin {
  name: string;
  kind: string;
  summary: string;
  citation: string;
  params: CatalogParam[];
  domains?: string[];
  needs?: string[];
  requires?: string[];
}

const attacks = catalog.attacks as CatalogPlugin[];
const defenses = catalog.defenses as CatalogPlugin[];

export function attackEntry(name: string): CatalogPlugin | undefined {
  return attacks.find((a) => a.name === name);
}

export function defenseEntry(name: string): CatalogPlugin | undefined {
  return defenses.find((d) => d.name === name);
}
