/**
 * How the CLI reports an error. A HemlockError is the user's to fix: its message and hint,
 * no stack, exit code 1. Anything else is a bug in Hemlock: say so and show the stack (exit 70,
 * EX_SOFTWARE).
 */
import { isHemlockError } from "@hemlock/core/portable";
import pc from "picocolors";

export function reportError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (isHemlockError(error)) {
    stderr.write(`${pc.red("error:")} ${error.message}\n`);
    if (error.hint !== undefined) stderr.write(`  ${error.hint}\n`);
    return 1;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stderr.write(
    `${pc.red("internal error:")} this is a bug in Hemlock. Please report it with this output.\n${detail}\n`,
  );
  return 70;
}
