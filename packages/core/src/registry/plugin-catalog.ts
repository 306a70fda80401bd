/**
 * What each registered attack and defense is (kind, summary, citation, parameters with defaults,
 * what a defense needs), as data: built from the registries (`pluginCatalog`), written beside
 * the build as dist/plugin-catalog.json (scripts/write-plugin-catalog.mjs), and read back by
 * `readPluginCatalog` (the @hemlock/core/plugin-catalog entry), so the plugin listings and the
 * leaderboard app describe the plugins without loading them.
 */
import { readFileSync } from "node:fs";
import type { ParamDescription } from "./describe-params.js";

export type { ParamDescription };

export interface CatalogPlugin {
  name: string;
  kind: string;
  summary: string;
  citation: string;
  params: ParamDescription[];
  /** Attacks: the feature domains they work on. */
  domains?: string[];
  /** Defenses: the artifacts they need, and what they require of the model. */
  needs?: string[];
  requires?: string[];
}

export interface PluginCatalog {
  attacks: CatalogPlugin[];
  defenses: CatalogPlugin[];
}

/** The catalog the build wrote (dist/plugin-catalog.json; from src/, the built one beside it). */
export function readPluginCatalog(): PluginCatalog {
  for (const path of ["../plugin-catalog.json", "../../dist/plugin-catalog.json"]) {
    try {
      return JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as PluginCatalog;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  throw new Error("dist/plugin-catalog.json is missing: build @hemlock/core (pnpm build)");
}
