/**
 * What the real-data benchmarks share: the data directory from HEMLOCK_DATA_DIR (they measure on
 * the real datasets, so without it they stop with a message naming what they need), and writing
 * their record to bench/results/.
 */
import { mkdir, writeFile } from "node:fs/promises";

export function requireDataDir(bench: string, needs: string): string {
  const dataDir = process.env.HEMLOCK_DATA_DIR;
  if (!dataDir) {
    console.error(`${bench} needs HEMLOCK_DATA_DIR (${needs})`);
    process.exit(1);
  }
  return dataDir;
}

export async function writeResult(file: string, record: unknown): Promise<void> {
  await mkdir(new URL("./results/", import.meta.url), { recursive: true });
  await writeFile(new URL(`./results/${file}`, import.meta.url), `${JSON.stringify(record, null, 2)}\n`);
}
