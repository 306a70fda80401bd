/**
 * Every `hemlock` command in one typed table: its name, one-line summary, options, and a lazy
 * loader for its implementation in commands/<name>.ts.
 */
import { Option } from "commander";

export interface CommandModule {
  /** Runs the command with its parsed options (globals included) and returns the exit code. */
  run(options: Record<string, unknown>): Promise<number>;
}

export interface CommandSpec {
  name: string;
  summary: string;
  options?: (() => Option)[];
  load: () => Promise<CommandModule>;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "doctor",
    summary: "check Node, compute backends, datasets, the store and Redis, and say what to fix",
    options: [
      () => new Option("--json", "print the report as JSON"),
      () =>
        new Option("--redis-url <url>", "Redis used by the distributed executor")
          .env("HEMLOCK_REDIS_URL")
          .default("redis://127.0.0.1:6379"),
    ],
    load: () => import("./commands/doctor.js"),
  },
];
