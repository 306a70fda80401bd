/**
 * Where dataset files live: HEMLOCK_DATA_DIR if set, else ~/.cache/hemlock/data.
 */
import { homedir } from "node:os";
import { join, resolve } from "node:path";

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): { dir: string; source: string } {
  const fromEnv = env.HEMLOCK_DATA_DIR;
  if (fromEnv !== undefined && fromEnv !== "") {
    return { dir: resolve(fromEnv), source: "HEMLOCK_DATA_DIR" };
  }
  return { dir: join(homedir(), ".cache", "hemlock", "data"), source: "default" };
}
