/**
 * A store's version as its files show it: the size and modification time of the database and its
 * write-ahead log, which every commit changes. What reads the store and remembers what it read
 * (the app's page memo, `hemlock serve`'s health check) compares it instead of reopening.
 */
import { statSync } from "node:fs";

export function storeVersion(path: string): string {
  return [path, `${path}-wal`]
    .map((p) => {
      try {
        const s = statSync(p);
        return `${s.size}:${s.mtimeMs}`;
      } catch {
        return "-";
      }
    })
    .join("/");
}
