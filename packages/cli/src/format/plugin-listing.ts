/**
 * Lists a plugin registry (attacks, defenses) for `hemlock attacks` and `hemlock defenses`: each
 * plugin's name, a one-line description of its kind, its summary and citation, and its
 * parameters with types and defaults (from the build's plugin catalog); or all of it as JSON.
 */

import type { ParamDescription } from "@hemlock/core/plugin-catalog";
import pc from "picocolors";

export interface ListedPlugin {
  name: string;
  summary: string;
  citation: string;
  params: ParamDescription[];
  /** Shown beside the name, e.g. "backdoor, image data". */
  describe: string;
  /** Extra fields for --json. */
  extra: Record<string, unknown>;
}

export function printPluginListing(plugins: ListedPlugin[], json: boolean): number {
  const entries = plugins.map((p) => ({
    name: p.name,
    ...p.extra,
    summary: p.summary,
    citation: p.citation,
    params: p.params,
    describe: p.describe,
  }));
  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        entries.map(({ describe: _, ...rest }) => rest),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  for (const e of entries) {
    process.stdout.write(`${pc.bold(e.name)}  ${pc.dim(e.describe)}\n  ${e.summary}\n  ${pc.dim(e.citation)}\n`);
    for (const p of e.params) {
      const dflt = p.default === undefined ? "" : ` = ${JSON.stringify(p.default)}`;
      process.stdout.write(`    ${p.name}: ${p.type}${dflt}\n`);
    }
    process.stdout.write("\n");
  }
  return 0;
}
