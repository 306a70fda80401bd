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
  // `git status` costs a process and a walk of the tree (about 20 ms here), and only recording
  // reads the flag, so it runs on first read: `hemlock plan` never pays for it.
  let dirty: boolean | undefined;
  cached = {
    version,
    gitSha,
    get dirty() {
      dirty ??= gitSha !== null && (git("status", "--porcelain", "--untracked-files=no") ?? "") !== "";
      return dirty;
    },
  };
  return cached;
}
