/**
 * Server-side memo of what pages compute from the store (a board ranks every setting; over a
 * 100k-cell store that takes about a second), keyed by the store file and its version: the size
 * and modification time of the database and its write-ahead log, which every commit changes. A
 * running experiment's new cells therefore show on the next request; an unchanged store is read
 * once per kind of page.
 */
import type { Store } from "@hemlock/store";
import { hemlockStore } from "./hemlock-store";
import { readStore, type StoreProblem, storePath } from "./results-store";

const LIMIT = 64;
const memo = new Map<string, { version: string; value: unknown }>();

/** readStore, remembered until the store changes. */
export async function cachedRead<T>(
  name: string,
  read: (store: Store) => T | Promise<T>,
  path = storePath(),
): Promise<T | StoreProblem> {
  const key = `${path}\u0000${name}`;
  const current = (await hemlockStore()).storeVersion(path);
  const hit = memo.get(key);
  if (hit && hit.version === current) {
    memo.delete(key);
    memo.set(key, hit);
    return hit.value as T;
  }
  const value = await readStore(read, path);
  if (typeof value === "object" && value !== null && "problem" in value) return value;
  memo.set(key, { version: current, value });
  while (memo.size > LIMIT) memo.delete(memo.keys().next().value as string);
  return value;
}
