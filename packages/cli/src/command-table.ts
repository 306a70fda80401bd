/**
 * Every `hemlock` command in one typed table: its name, one-line summary, arguments, options,
 * and a lazy loader for its implementation in commands/<name>.ts. A group (`data`) lists
 * subcommands instead of a loader.
 */
import { Option } from "commander";

export interface CommandModule {
  /** Runs the command with its positional arguments and parsed options (globals included). */
  run(args: string[], options: Record<string, unknown>): Promise<number>;
}

export interface CommandSpec {
  name: string;
  /** Positional arguments in commander syntax, e.g. "<name>" or "[name]". */
  args?: string;
  summary: string;
  options?: (() => Option)[];
  load?: () => Promise<CommandModule>;
  subcommands?: CommandSpec[];
}

const dbOption = () => new Option("--db <file>", "results store").env("HEMLOCK_DB").default("hemlock.db");

const mirrorOption = () =>
  new Option(
    "--mirror <url>",
    "fetch from this base URL (in the data directory's layout) instead of the canonical sources",
  ).env("HEMLOCK_DATA_MIRROR");

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
  {
    name: "attacks",
    summary: "list the attacks with their kind, parameters (with defaults) and citations",
    options: [() => new Option("--json", "print the registry as JSON")],
    load: () => import("./commands/attacks.js"),
  },
  {
    name: "defenses",
    summary: "list the defenses with their kind, what they need, parameters (with defaults) and citations",
    options: [() => new Option("--json", "print the registry as JSON")],
    load: () => import("./commands/defenses.js"),
  },
  {
    name: "plan",
    args: "<file>",
    summary: "dry-run an experiment file: cells (and how many are done), artifacts to build, refused combinations",
    options: [dbOption, () => new Option("--json", "print the plan as JSON")],
    load: () => import("./commands/plan.js"),
  },
  {
    name: "run",
    args: "<file>",
    summary: "run an experiment file's grid, resuming where an earlier run stopped, and record every cell",
    options: [
      dbOption,
      () => new Option("--rerun <which>", "rerun finished or failed cells too").choices(["failed", "all"]),
      () => new Option("--force", "rerun every cell (as --rerun all)"),
      () => new Option("--workers <n>", "worker threads, each with its own compute backend (default: the core count)"),
      () => new Option("--retries <n>", "run failing cells up to n more times").default("0"),
      () => new Option("--fail-fast", "stop taking new cells at the first failure"),
      () => new Option("--json", "print newline-delimited JSON events instead of progress lines"),
    ],
    load: () => import("./commands/run.js"),
  },
  {
    name: "ls",
    summary: "the experiments in the results store with their cell counts by status",
    options: [dbOption, () => new Option("--json", "print as JSON")],
    load: () => import("./commands/ls.js"),
  },
  {
    name: "show",
    args: "<experiment>",
    summary: "one experiment's grid as a table: every cell with its status and headline metrics",
    options: [dbOption, () => new Option("--json", "print as JSON")],
    load: () => import("./commands/show.js"),
  },
  {
    name: "gc",
    summary: "remove artifacts (trained models) that no cell in the store is built from",
    options: [
      dbOption,
      () => new Option("--dry-run", "list what would be removed, and remove nothing"),
      () => new Option("--json", "print the report as JSON"),
    ],
    load: () => import("./commands/gc.js"),
  },
  {
    name: "schema",
    summary: "print the JSON Schema of experiment files, or write it (experiments/schema.json) for editors",
    options: [() => new Option("--out <file>", "write the schema to this file instead of printing it")],
    load: () => import("./commands/schema.js"),
  },
  {
    name: "attack",
    args: "<name>",
    summary: "poison a dataset's training split and write it, with its poison mask, as .npy files",
    options: [
      () =>
        new Option(
          "--dataset <spec>",
          'dataset name, or a JSON spec such as \'{"name":"mnist","subset":1000}\'',
        ).makeOptionMandatory(),
      () => new Option("--rate <r>", "poisoning rate in [0, 1)").makeOptionMandatory(),
      () => new Option("--out <dir>", "output directory").makeOptionMandatory(),
      () => new Option("--params <json>", "attack parameters as JSON, e.g. '{\"target\":1}'").default("{}"),
      () => new Option("--seed <n>", "seed of the poison").default("0"),
    ],
    load: () => import("./commands/attack.js"),
  },
  {
    name: "data",
    summary: "list, verify and fetch datasets",
    subcommands: [
      {
        name: "list",
        summary: "list the datasets Hemlock knows and their state on disk",
        load: () => import("./commands/data-list.js"),
      },
      {
        name: "verify",
        args: "[name]",
        summary: "check dataset files against their published sizes and sha256 (all datasets if no name)",
        load: () => import("./commands/data-verify.js"),
      },
      {
        name: "fetch",
        args: "<name>",
        summary: "download a dataset's original files, verify them, and move them into place",
        options: [mirrorOption],
        load: () => import("./commands/data-fetch.js"),
      },
    ],
  },
];
