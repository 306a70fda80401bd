/**
 * Builds the `hemlock` program from the command table and runs it. Command modules load only
 * when their command runs, so `hemlock --help` starts without loading TensorFlow.js.
 */
import { Command, CommanderError, Option } from "commander";
import type { z } from "zod";
import { COMMANDS, type CommandSpec } from "./command-table.js";
import { reportError } from "./report-error.js";
import { cliVersion } from "./version.js";

export interface GlobalOptions {
  backend: string;
  dataDir?: string;
}

/** Checks the values against the command's option table (zod loads only for such commands). */
async function parseCommandOptions(table: z.ZodType, raw: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { parseOptions } = await import("./options/parse-options.js");
  return parseOptions(table, raw) as Record<string, unknown>;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command("hemlock")
    .description("Benchmark data-poisoning attacks against defenses.")
    .version(cliVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help for a command")
    .addOption(
      new Option("--backend <name>", "compute backend: auto, tensorflow, wasm or cpu")
        .env("HEMLOCK_BACKEND")
        .default("auto"),
    )
    .addOption(
      new Option("--data-dir <dir>", "dataset directory (default: ~/.cache/hemlock/data)").env("HEMLOCK_DATA_DIR"),
    )
    .showSuggestionAfterError(true)
    .exitOverride();

  const addCommands = (parent: Command, specs: readonly CommandSpec[]) => {
    for (const spec of specs) {
      const command = parent
        .command(spec.args ? `${spec.name} ${spec.args}` : spec.name)
        .description(spec.summary)
        .exitOverride();
      for (const option of spec.options ?? []) command.addOption(option());
      if (spec.subcommands) addCommands(command, spec.subcommands);
      const load = spec.load;
      if (load === undefined) continue;
      command.action(async (...args: unknown[]) => {
        const self = args[args.length - 1] as Command;
        const module = await load();
        const raw = self.optsWithGlobals();
        const options = module.OPTIONS ? await parseCommandOptions(module.OPTIONS, raw) : raw;
        exitCode = await module.run(self.args, options);
      });
    }
  };
  addCommands(program, COMMANDS);

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed help, the version, or what was wrong with the arguments.
      return error.exitCode;
    }
    return reportError(error);
  }
}
