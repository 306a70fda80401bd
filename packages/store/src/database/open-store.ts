/**
 * Opens (creating if need be) a results store: a SQLite file (./hemlock.db, or HEMLOCK_DB) in WAL
 * mode with a busy timeout, so a second process waits instead of failing, and synchronous=FULL, so
 * a finished cell survives a power cut. The committed drizzle migrations are applied on open; a
 * database written by a newer Hemlock is refused, never altered. Artifacts live in a directory
 * beside the file (hemlock.db -> hemlock.db.artifacts/).
 */
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { HemlockError } from "@hemlock/core/portable";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema.js";

export type StoreDb = BetterSQLite3Database<typeof schema>;

export interface Store {
  /** The database file. */
  path: string;
  /** Where artifacts are written. */
  artifactDir: string;
  db: StoreDb;
  sqlite: Database.Database;
  close(): void;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../drizzle/", import.meta.url));

export function defaultStorePath(): string {
  return resolve(process.env.HEMLOCK_DB ?? "hemlock.db");
}

export async function openStore(path = defaultStorePath()): Promise<Store> {
  await mkdir(dirname(path), { recursive: true });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { timeout: 10_000 });
  } catch (error) {
    throw new HemlockError("STORE", `${path}: cannot open the results store (${(error as Error).message})`);
  }
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    refuseNewerDatabase(sqlite, path);
    const db = drizzle(sqlite, { schema });
    migrateOnce(db, sqlite);
    const artifactDir = `${path}.artifacts`;
    await mkdir(artifactDir, { recursive: true });
    return { path, artifactDir, db, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Opens an existing store for reading only (the leaderboard app): nothing is created, migrated or
 * written. A store this version cannot read as it is (older or newer migrations) is refused,
 * naming the command that brings it up to date.
 */
export function openStoreReadOnly(path = defaultStorePath()): Store {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true, timeout: 10_000 });
  } catch (error) {
    throw new HemlockError(
      "STORE",
      `${path}: cannot open the results store (${(error as Error).message})`,
      "Run an experiment first (hemlock run FILE), or point HEMLOCK_DB at a results store.",
    );
  }
  try {
    refuseNewerDatabase(sqlite, path);
    const applied = new Set(appliedMigrations(sqlite));
    const pending = knownMigrations().filter((m) => !applied.has(m.when));
    if (pending.length > 0)
      throw new HemlockError(
        "STORE",
        `${path}: this results store lacks ${pending.length} migration(s) (${pending.map((m) => m.tag).join(", ")}); a reader cannot apply them`,
        `Run \`hemlock ls --db ${path}\` once to bring it up to date.`,
      );
    const db = drizzle(sqlite, { schema });
    return { path, artifactDir: `${path}.artifacts`, db, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    if (error instanceof HemlockError) throw error;
    throw new HemlockError("STORE", `${path}: not a Hemlock results store (${(error as Error).message})`);
  }
}

/**
 * Applies pending migrations. Two processes opening a new store at once may race; the loser's
 * transaction fails on a stale snapshot, and on retry it finds the migrations applied.
 */
function migrateOnce(db: StoreDb, sqlite: Database.Database): void {
  for (let attempt = 1; ; attempt++) {
    try {
      migrate(db, { migrationsFolder: MIGRATIONS_DIR });
      return;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      if (attempt >= 5) throw error;
    }
  }
}

/** Migrations this code knows, by the timestamps drizzle-kit gave them. */
function knownMigrations(): { tag: string; when: number }[] {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}meta/_journal.json`, "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries;
}

/** The timestamps of the migrations applied to this database (none for a new file). */
function appliedMigrations(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (table === undefined) return [];
  return (sqlite.prepare("SELECT created_at AS at FROM __drizzle_migrations").all() as { at: number }[]).map((m) =>
    Number(m.at),
  );
}

function refuseNewerDatabase(sqlite: Database.Database, path: string): void {
  const known = new Set(knownMigrations().map((m) => m.when));
  const unknown = appliedMigrations(sqlite).filter((at) => !known.has(at));
  if (unknown.length > 0)
    throw new HemlockError(
      "STORE",
      `${path}: this results store has ${unknown.length} migration(s) this version of Hemlock does not know (written by a newer version); it was left unchanged`,
      "Upgrade Hemlock, or point HEMLOCK_DB at another file.",
    );
}
