/**
 * What a poisoning rate may be, written once: a fraction of the training set in [0, 1) (0 is
 * clean training; 1 would leave no clean example). Experiment files, `poisonDataset` and every
 * CLI option that takes a rate check it here, with one message.
 */
import { HemlockError, type HemlockErrorCode } from "../errors.js";

export const POISONING_RATE = { min: 0, below: 1, text: "a number in [0, 1)" } as const;

export function isPoisoningRate(rate: number): boolean {
  return Number.isFinite(rate) && rate >= POISONING_RATE.min && rate < POISONING_RATE.below;
}

/**
 * The rate a value gives (a number, or the text of one, as on a command line), or an error naming
 * `where` and the value as it was given.
 */
export function checkPoisoningRate(value: unknown, where: string, code: HemlockErrorCode = "INVALID_ARGUMENT"): number {
  const rate = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof rate === "number" && isPoisoningRate(rate)) return rate;
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  throw new HemlockError(code, `${where}: expected ${POISONING_RATE.text}, got ${shown}`);
}
