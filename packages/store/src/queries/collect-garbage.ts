/**
 * `hemlock gc`: removes the artifacts no cell in the store is built from. Referenced keys are the
 * union of every cell's chain; an artifact directory on disk that no cell references, recorded or
 * not (a run killed after saving a model but before recording its cell leaves such orphans), is
 * deleted with its row. A dry run reports the same without deleting.
 */
import { existsSync } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Store } from "../database/open-store.js";
import { artifacts, cells } from "../database/schema.js";

export interface GarbageReport {
  referenced: number;
  removed: { key: string; kind: string; bytes: number }[];
  bytesFreed: number;
}

export async function collectGarbage(store: Store, { dryRun = false } = {}): Promise<GarbageReport> {
  const referenced = new Set<string>();
  for (const row of store.db.select({ chain: cells.chain }).from(cells).all())
    for (const key of row.chain) referenced.add(key);
  const removed: GarbageReport["removed"] = [];
  if (existsSync(store.artifactDir))
    for (const kind of await readdir(store.artifactDir)) {
      const kindDir = join(store.artifactDir, kind);
      if (!(await stat(kindDir)).isDirectory()) continue;
      for (const key of await readdir(kindDir)) {
        if (referenced.has(key)) continue;
        const dir = join(kindDir, key);
        const bytes = await sizeOf(dir);
        removed.push({ key, kind, bytes });
        if (!dryRun) {
          await rm(dir, { recursive: true, force: true });
          store.db.delete(artifacts).where(eq(artifacts.key, key)).run();
        }
      }
    }
  return { referenced: referenced.size, removed, bytesFreed: removed.reduce((a, r) => a + r.bytes, 0) };
}

async function sizeOf(path: string): Promise<number> {
  const s = await stat(path);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const entry of await readdir(path)) total += await sizeOf(join(path, entry));
  return total;
}
