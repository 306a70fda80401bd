/**
 * The results store the app reads: HEMLOCK_DB (default hemlock.db in the repository root, two
 * folders above the app), opened read-only per request, so a running experiment's writes show up
 * on the next page load and the app can never alter a result.
 */
import { resolve } from "node:path";
import type { Store } from "@hemlock/store";
import { hemlockStore } from "./hemlock-store";

export function storePath(): string {
  // The store is data chosen at run time, not a file to trace into the build.
  return resolve(/* turbopackIgnore: true */ process.env.HEMLOCK_DB ?? resolve(process.cwd(), "../../hemlock.db"));
}

/** Runs `read` against the store and closes it, whatever happens. */
export async function withStore<T>(read: (store: Store) => T | Promise<T>, path = storePath()): Promise<T> {
  const { openStoreReadOnly } = await hemlockStore();
  const store = openStoreReadOnly(path);
  try {
    return await read(store);
  } finally {
    store.close();
  }
}

/** What a page shows instead of results when the store cannot be read: the reason and the fix. */
export interface StoreProblem {
  problem: string;
}

/** withStore, with a store that cannot be opened (missing, outdated, not a store) as a value, not a crash. */
export async function readStore<T>(
  read: (store: Store) => T | Promise<T>,
  path = storePath(),
): Promise<T | StoreProblem> {
  try {
    return await withStore(read, path);
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string; hint?: string };
    if (e.name !== "HemlockError" || e.code !== "STORE") throw error;
    return { problem: [e.message, e.hint].filter(Boolean).join(" ") };
  }
}

export function isStoreProblem(value: unknown): value is StoreProblem {
  return typeof value === "object" && value !== null && "problem" in value;
}
