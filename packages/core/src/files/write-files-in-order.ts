/**
 * Writes an artifact's files into its directory, each to a temporary name and then renamed into
 * place, in the order given: a reader that checks for the last file (a manifest) sees a complete
 * artifact or none, however the writer stops.
 *
 * The writes are synchronous on purpose. Artifacts are written by worker threads that have
 * nothing else to do meanwhile, and each asynchronous file operation is a round trip through
 * libuv's thread pool, which on a 2-core machine with both cores training waits for a time slice:
 * a tiny cell's poisoned data and model (about 10 operations) took about 5 ms that way, against
 * well under 1 ms written synchronously (docs/performance.md, "Tiny cells").
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function writeFilesInOrder(dir: string, files: [name: string, content: string | Uint8Array][]): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) {
    const temp = join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temp, content);
    renameSync(temp, join(dir, name));
  }
}
