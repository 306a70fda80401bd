/**
 * What the real-data benchmarks share: the data directory from HEMLOCK_DATA_DIR (they measure on
 * the real datasets, so without it they stop with a message naming what they need), and writing
 * their record to bench/results/ (or HEMLOCK_BENCH_RESULTS_DIR).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export function requireDataDir(bench: string, needs: string): string {
  const dataDir = process.env.HEMLOCK_DATA_DIR;
  if (!dataDir) {
    console.error(`${bench} needs HEMLOCK_DATA_DIR (${needs})`);
    process.exit(1);
  }
  return dataDir;
}

/** Writes a record to bench/results/, or to HEMLOCK_BENCH_RESULTS_DIR when set (the smoke runs). */
export async function writeResult(file: string, record: unknown): Promise<void> {
  const dir = process.env.HEMLOCK_BENCH_RESULTS_DIR ?? fileURLToPath(new URL("./results/", import.meta.url));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, file), `${JSON.stringify(record, null, 2)}\n`);
}
