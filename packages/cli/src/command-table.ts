/**
 * Every `hemlock` command in one typed table: its name, one-line summary, arguments, options,
 * and a lazy loader for its implementation in commands/<name>.ts. A group (`data`) lists
 * subcommands instead of a loader.
 */
import { Option } from "commander";
import type { z } from "zod";
import { filterOptions } from "./filter-options.js";

export interface CommandModule {
  /**
   * The command's option table: a zod object over commander's values (globals included) that
   * checks and types them; run() receives its output. Commands without one get the raw values.
   */
  OPTIONS?: z.ZodType;
  /** Runs the command with its positional arguments and parsed options. */
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

/** The options of the commands that test defenses against each other (leaderboard, compare). */
const statisticsOptions = (metricHelp: string) => [
  dbOption,
  ...filterOptions,
  () => new Option("--metric <name>", metricHelp).default("attackSuccessRate"),
  () =>
    new Option("--test <test>", "paired test across seeds: t (paired t-test) or wilcoxon (signed-rank)")
      .choices(["t", "wilcoxon"])
      .default("t"),
  () => new Option("--alpha <p>", "significance level after Holm correction").default("0.05"),
  () => new Option("--json", "print as JSON"),
];

const mirrorOption = () =>
  new Option(
    "--mirror <url>",
    "fetch from this base URL (in the data directory's layout) instead of the canonical sources",
  ).env("HEMLOCK_DATA_MIRROR");

const redisUrlOption = () =>
  new Option("--redis-url <url>", "Redis used by the distributed executor")
    .env("HEMLOCK_REDIS_URL")
    .default("redis://127.0.0.1:6379");

/** Separates groups of runs and workers that share one Redis (teams, tests). */
const queuePrefixOption = () =>
  new Option("--queue-prefix <name>", "prefix of the distributed executor's keys in Redis")
    .env("HEMLOCK_QUEUE_PREFIX")
    .default("hemlock");

const executorOption = () =>
  new Option("--executor <name>", "local: worker threads here; bullmq: a Redis queue served by `hemlock worker`")
    .choices(["local", "bullmq"])
    .default("local");

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "doctor",
    summary: "check Node, compute backends, datasets, the store and Redis, and say what to fix",
    options: [() => new Option("--json", "print the report as JSON"), redisUrlOption, queuePrefixOption],
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
      executorOption,
      redisUrlOption,
      queuePrefixOption,
    ],
    load: () => import("./commands/run.js"),
  },
  {
    name: "worker",
    summary:
      "serve the distributed executor: run the groups of cells queued in Redis by `hemlock run --executor bullmq`",
    options: [
      redisUrlOption,
      queuePrefixOption,
      () => new Option("--workers <n>", "worker threads, and so groups at once (default: the core count)"),
      () =>
        new Option(
          "--artifact-dir <dir>",
          "where this host sees the store's artifact directory (default: the path the run gives)",
        ),
      () =>
        new Option(
          "--lock-duration <ms>",
          "a group whose worker is silent this long is taken back and run by another worker",
        ).default("30000"),
      () => new Option("--json", "print newline-delimited JSON events"),
    ],
    load: () => import("./commands/worker.js"),
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
    name: "leaderboard",
    summary: "defenses ranked in each setting: mean ± 95% CI, n, and a paired test against the best",
    options: [
      ...statisticsOptions("the metric to rank by"),
      () =>
        new Option("--interval <kind>", "95% interval over seeds: t, or the seeded percentile bootstrap")
          .choices(["t", "bootstrap"])
          .default("t"),
    ],
    load: () => import("./commands/leaderboard.js"),
  },
  {
    name: "compare",
    args: "<a> <b>",
    summary:
      "two defenses (or two attacks) in every setting they share: paired t and Wilcoxon tests over seeds, Holm-corrected",
    options: [
      ...statisticsOptions("the metric to compare"),
      () => new Option("--defense <label>", "comparing two attacks: only this defense's settings"),
    ],
    load: () => import("./commands/compare.js"),
  },
  {
    name: "export",
    summary: "the leaderboard as CSV, JSON, LaTeX (booktabs, best in bold) or Markdown",
    options: [
      dbOption,
      () =>
        new Option("--format <format>", "output format")
          .choices(["csv", "json", "latex", "markdown"])
          .makeOptionMandatory(),
      ...filterOptions,
      () => new Option("--defense <label>", "only this defense"),
      () =>
        new Option(
          "--metric <names...>",
          "metrics to include (default: every metric for csv and json; clean accuracy and ASR for tables)",
        ),
      () => new Option("--out <file>", "write to this file instead of printing"),
    ],
    load: () => import("./commands/export.js"),
  },
  {
    name: "plot",
    summary:
      "chart results (Vega-Lite, rendered headless) to SVG or PNG: metrics against rate, or the ASR/accuracy Pareto front",
    options: [
      dbOption,
      () => new Option("--out <file>", "the chart file: .svg or .png").makeOptionMandatory(),
      () =>
        new Option(
          "--kind <kind>",
          "rate: ASR and clean accuracy against poisoning rate; pareto: ASR against clean accuracy",
        )
          .choices(["rate", "pareto"])
          .default("rate"),
      ...filterOptions,
      () => new Option("--defense <label>", "only this defense"),
    ],
    load: () => import("./commands/plot.js"),
  },
  {
    name: "serve",
    summary: "serve the leaderboard web app over the results store (read-only), building it first if needed",
    options: [
      dbOption,
      () => new Option("--port <n>", "port to listen on").default("3000"),
      () => new Option("--host <host>", "address to bind (0.0.0.0 for every interface)").default("127.0.0.1"),
    ],
    load: () => import("./commands/serve.js"),
  },
  {
    name: "publish",
    summary: "write the leaderboard as a static site (HTML, JS, data) that any static file server can host",
    options: [
      dbOption,
      () => new Option("--out <dir>", "the site's folder (replaced)").makeOptionMandatory(),
      () => new Option("--base-path <path>", "the sub-path the site will be hosted under, e.g. /hemlock"),
      ...filterOptions,
      () => new Option("--defense <label>", "only this defense"),
    ],
    load: () => import("./commands/publish.js"),
  },
  {
    name: "bundle",
    summary: "share results between stores: export an experiment with checksums, import one",
    subcommands: [
      {
        name: "export",
        args: "<experiment>",
        summary: "write an experiment's cells, metrics, provenance and checksums to a file (.gz to compress)",
        options: [dbOption, () => new Option("--out <file>", "the bundle file").makeOptionMandatory()],
        load: () => import("./commands/bundle-export.js"),
      },
      {
        name: "import",
        args: "<file>",
        summary: "verify a bundle and add it to the store; identical cells are skipped, conflicts refused",
        options: [dbOption],
        load: () => import("./commands/bundle-import.js"),
      },
    ],
  },
  {
    name: "repro",
    args: "[files...]",
    summary: "run reproduction files and check measured against published numbers; exits 1 when a check fails",
    options: [
      dbOption,
      () => new Option("--all", "every file in experiments/repro/"),
      () => new Option("--workers <n>", "worker threads (default: the core count)"),
      () => new Option("--check-only", "check what the store holds, without running"),
      () => new Option("--report <file>", "write the reproductions page (docs/reproductions.md) after checking"),
      () => new Option("--json", "print newline-delimited JSON events and results"),
      executorOption,
      redisUrlOption,
      queuePrefixOption,
    ],
    load: () => import("./commands/repro.js"),
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
