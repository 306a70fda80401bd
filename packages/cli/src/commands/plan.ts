/**
 * `hemlock plan FILE`: the dry run. Validates the file (refusing impossible combinations with
 * their file positions), then prints the cell count and how many the store already holds
 * finished, the artifacts still to build by kind, and an estimate from the wall times of finished
 * cells with the same dataset, model, attack and defense.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { isArtifactBuilt, planExperiment } from "@hemlock/runner/planning";
import { plannedBackendOption } from "../backend-option.js";
import { resolveDataDirOption } from "../data-dir-option.js";

import { flag } from "../options/option-values.js";
import { type OptionValues, optionTable, storeFields } from "../options/shared-tables.js";

export const OPTIONS = optionTable({ ...storeFields, json: flag });

export async function run(args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const [file] = args as [string];
  const backend = await plannedBackendOption(options);
  const dataDir = resolveDataDirOption(options.dataDir).dir;
  const plan = await planExperiment(file, { backend, dataDir });
  const dbPath = resolve(options.db);
  const { statuses, pastWallMs } = existsSync(dbPath)
    ? await readStore(
        dbPath,
        plan.cells.map((c) => c.identity),
      )
    : { statuses: new Map<string, string>(), pastWallMs: () => undefined };
  const pending = plan.cells.filter((c) => statuses.get(c.identity) !== "finished");
  const needed = new Set(pending.flatMap((c) => c.chain));
  const toBuild = plan.artifacts.filter((a) => needed.has(a.key) && !isArtifactBuilt(`${dbPath}.artifacts`, a));
  const kinds = new Map<string, number>();
  for (const a of toBuild) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  const byKind = [...kinds];
  let estimateMs = 0;
  let unknown = 0;
  for (const c of pending) {
    const ms = pastWallMs({
      dataset: c.config.dataset.name,
      model: c.config.model.name,
      attack: c.config.attack?.name ?? "none",
      defense: c.config.defense.name,
    });
    if (ms === undefined) unknown++;
    else estimateMs += ms;
  }
  const summary = {
    experiment: plan.parsed.spec.name,
    backend,
    cells: plan.cells.length,
    done: plan.cells.length - pending.length,
    toRun: pending.length,
    artifactsToBuild: Object.fromEntries(byKind),
    estimatedSeconds: Math.round(estimateMs / 1000),
    cellsWithoutEstimate: unknown,
  };
  if (options.json) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log(
      `${summary.experiment}: ${summary.cells} cells, ${summary.done} done, ${summary.toRun} to run (backend ${summary.backend})`,
    );
    console.log(`artifacts to build: ${byKind.length > 0 ? byKind.map(([k, n]) => `${n} ${k}`).join(", ") : "none"}`);
    console.log(
      pending.length === 0
        ? "nothing to run"
        : unknown === pending.length
          ? "estimated time: no past runs of these settings to estimate from"
          : `estimated time: ${formatSeconds(summary.estimatedSeconds)} of cell time from past runs${unknown > 0 ? ` (${unknown} cells have no past run)` : ""}`,
    );
  }
  return 0;
}

function formatSeconds(s: number): string {
  return s >= 120 ? `${Math.round(s / 60)} min` : `${s} s`;
}

/**
 * What the store already holds of the plan: each cell's status and the median wall time of past
 * cells by setting. Opened read-only, since a dry run changes nothing, and imported only when a
 * store exists, so planning a first run loads neither better-sqlite3 nor drizzle.
 */
async function readStore(dbPath: string, identities: string[]) {
  const { cellStatuses, openStoreReadOnly, pastWallTimes, settingKey } = await import("@hemlock/store");
  const store = openStoreReadOnly(dbPath);
  try {
    const statuses: Map<string, string> = cellStatuses(store, identities);
    const past = pastWallTimes(store);
    return { statuses, pastWallMs: (setting: Parameters<typeof settingKey>[0]) => past.get(settingKey(setting)) };
  } finally {
    store.close();
  }
}
