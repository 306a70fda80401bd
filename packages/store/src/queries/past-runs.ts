/**
 * What past runs say about how long cells take: the median wall time of finished cells per
 * dataset/model/attack/defense, which `hemlock plan` uses to estimate a run before it starts.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import type { Store } from "../database/open-store.js";
import { cells } from "../database/schema.js";

/** The key past wall times are kept under: "dataset/model/attack/defense" ("none" for no attack). */
export function settingKey(names: { dataset: string; model: string; attack: string; defense: string }): string {
  return [names.dataset, names.model, names.attack, names.defense].join("/");
}

/** Median wall time (ms) by settingKey. */
export function pastWallTimes(store: Store): Map<string, number> {
  const rows = store.db
    .select({
      dataset: cells.dataset,
      model: cells.model,
      attack: cells.attack,
      defense: cells.defense,
      wallMs: cells.wallMs,
    })
    .from(cells)
    .where(and(eq(cells.status, "finished"), isNotNull(cells.wallMs)))
    .all();
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const key = settingKey(r);
    groups.set(key, [...(groups.get(key) ?? []), r.wallMs as number]);
  }
  return new Map(
    [...groups].map(([key, times]) => {
      const sorted = times.sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return [
        key,
        sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2,
      ];
    }),
  );
}
