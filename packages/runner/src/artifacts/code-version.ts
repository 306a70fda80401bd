/**
 * The code a result came from: Hemlock's package version and, when running from a git checkout,
 * the commit and whether the work tree had uncommitted changes. The version and commit enter
 * every cell's identity; the dirty flag is recorded with each cell's provenance.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface CodeVersion {
  version: string;
  gitSha: string | null;
  dirty: boolean;
}

let cached: CodeVersion | undefined;

export function codeVersion(cwd = process.cwd()): CodeVersion {
  if (cached) return cached;
  const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return null;
    }
  };
  const gitSha = git("rev-parse", "HEAD");
  const status = gitSha === null ? null : git("status", "--porcelain", "--untracked-files=no");
  cached = { version, gitSha, dirty: status !== null && status !== "" };
  return cached;
}
