/** Checks where results will be stored and that the location is writable. */
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { CheckSection } from "./check-result.js";

export function resolveStorePath(env: NodeJS.ProcessEnv = process.env): { path: string; source: string } {
  const fromEnv = env.HEMLOCK_DB;
  return fromEnv
    ? { path: resolve(fromEnv), source: "HEMLOCK_DB" }
    : { path: resolve("hemlock.db"), source: "default" };
}

export async function checkStore(): Promise<CheckSection> {
  const { path, source } = resolveStorePath();
  const info = await stat(path).catch(() => undefined);
  const writable = await access(info ? path : dirname(path), constants.W_OK).then(
    () => true,
    () => false,
  );
  const state = info ? `exists, ${info.size} bytes` : "will be created on first run";
  return {
    title: "store",
    status: writable ? "ok" : "fail",
    summary: `${path} (${source}; ${state})`,
    items: writable
      ? []
      : [
          {
            label: "store",
            status: "fail",
            detail: `${path} is not writable`,
            fix: "Set HEMLOCK_DB to a writable path.",
          },
        ],
  };
}
