/**
 * Runs a command under GNU time (/usr/bin/time) and returns its stdout and peak RSS: how the
 * side-by-side benches measure each process's memory, Hemlock's and the peer's alike.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";

const PEAK = /peak-rss-kb (\d+)/;

export async function timedCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ stdout: string; rssMb: number }> {
  const { stdout, stderr } = await promisify(execFile)("/usr/bin/time", ["-f", "peak-rss-kb %M", command, ...args], {
    ...options,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { stdout, rssMb: Number(PEAK.exec(stderr)?.[1]) / 1024 };
}

/**
 * Starts a long-running command; `stop` reads its peak RSS (VmHWM in /proc, Linux) and then
 * sends SIGTERM, resolving with the peak in MB once it has exited. (GNU time does not pass
 * SIGTERM on to the command it runs.)
 */
export function startTimedCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): { child: ChildProcess; stop(): Promise<number> } {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    async stop() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
      child.kill("SIGTERM");
      await exited;
      return kb / 1024;
    },
  };
}
