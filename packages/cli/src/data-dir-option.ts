/**
 * Resolves the data directory from --data-dir, into which commander folds HEMLOCK_DATA_DIR, and
 * names the source the user actually set.
 */
import { resolve } from "node:path";
import { resolveDataDir } from "@hemlock/core";

export function resolveDataDirOption(option: string | undefined): { dir: string; source: string } {
  if (option === undefined) return resolveDataDir();
  return { dir: resolve(option), source: option === process.env.HEMLOCK_DATA_DIR ? "HEMLOCK_DATA_DIR" : "--data-dir" };
}
