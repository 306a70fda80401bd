/**
 * A copy of a results store holding only the cells a filter selects (one experiment, a dataset,
 * an attack, ...), with their metrics, the experiments that declare them and their reproduction
 * checks: what `hemlock publish --experiment X` publishes, so every page of the site agrees with
 * the subset. The source is only read (VACUUM INTO from a read-only connection); the per-setting
 * sums follow the deletions through the store's own triggers.
 */
import { rm } from "node:fs/promises";
import { HemlockError } from "@hemlock/core/portable";
import { openStoreReadOnly } from "../database/open-store.js";
import type { CellFilter } from "./leaderboard.js";

export interface SubsetFilter extends Omit<CellFilter, "experimentId"> {
  experiment?: string;
}

/** Writes the subset to `destination` (replaced if present); returns the number of cells kept. */
export async function copyStoreSubset(source: string, destination: string, filter: SubsetFilter): Promise<number> {
  const store = openStoreReadOnly(source);
  try {
    await rm(destination, { force: true });
    store.sqlite.prepare("VACUUM INTO ?").run(destination);
  } finally {
    store.close();
  }
  const copy = openStoreReadOnly(destination);
  copy.close();
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(destination);
  try {
    const keep: string[] = [];
    const values: unknown[] = [];
    const label = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      keep.push(`(${column} = ? OR substr(${column}, 1, ?) = ?)`);
      values.push(value, value.length + 1, `${value} `);
    };
    label("dataset", filter.dataset);
    label("model", filter.model);
    label("attack", filter.attack);
    label("defense", filter.defense);
    if (filter.rate !== undefined) {
      keep.push("rate = ?");
      values.push(filter.rate);
    }
    if (filter.experiment !== undefined) {
      const id = db.prepare("SELECT id FROM experiments WHERE name = ?").get(filter.experiment) as
        | { id: number }
        | undefined;
      if (!id)
        throw new HemlockError(
          "UNKNOWN_NAME",
          `--experiment: no experiment "${filter.experiment}" in ${source}`,
          "`hemlock ls` lists the experiments in the store.",
        );
      keep.push("identity IN (SELECT identity FROM experiment_cells WHERE experiment_id = ?)");
      values.push(id.id);
    }
    db.transaction(() => {
      db.exec("CREATE TEMP TABLE dropped(identity TEXT PRIMARY KEY)");
      if (keep.length > 0)
        db.prepare(`INSERT INTO dropped SELECT identity FROM cells WHERE NOT (${keep.join(" AND ")})`).run(...values);
      db.exec(`
        DELETE FROM metrics WHERE identity IN (SELECT identity FROM dropped);
        DELETE FROM experiment_cells WHERE identity IN (SELECT identity FROM dropped);
        DELETE FROM events WHERE identity IN (SELECT identity FROM dropped);
        DELETE FROM cells WHERE identity IN (SELECT identity FROM dropped);
      `);
      if (filter.experiment !== undefined) {
        db.prepare(
          "DELETE FROM experiment_cells WHERE experiment_id <> (SELECT id FROM experiments WHERE name = ?)",
        ).run(filter.experiment);
      }
      db.exec(`
        DELETE FROM repro_checks WHERE experiment_id NOT IN (SELECT DISTINCT experiment_id FROM experiment_cells);
        DELETE FROM events WHERE experiment_id IS NOT NULL AND experiment_id NOT IN (SELECT DISTINCT experiment_id FROM experiment_cells);
        DELETE FROM experiments WHERE id NOT IN (SELECT DISTINCT experiment_id FROM experiment_cells);
        DELETE FROM metrics WHERE identity NOT IN (SELECT identity FROM experiment_cells);
        DELETE FROM cells WHERE identity NOT IN (SELECT identity FROM experiment_cells);
        DELETE FROM setting_metrics WHERE n = 0;
      `);
    })();
    return (db.prepare("SELECT count(*) AS n FROM cells").get() as { n: number }).n;
  } finally {
    db.close();
  }
}
