/**
 * Opens the results store a reading command names (--db, HEMLOCK_DB, or ./hemlock.db), refusing
 * a path with no store rather than creating an empty one.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { HemlockError } from "@hemlock/core";
import { openStore, type Store } from "@hemlock/store";

export async function openExistingStore(option: unknown): Promise<Store> {
  const path = resolve(String(option ?? "hemlock.db"));
  if (!existsSync(path))
    throw new HemlockError(
      "STORE",
      `${path}: no results store here`,
      "Give --db (or HEMLOCK_DB) the store `hemlock run` wrote.",
    );
  return openStore(path);
}
