/** "Did you mean …" for a mistyped name: the closest known name, if it is close enough. */
import { closest, distance } from "fastest-levenshtein";

export function didYouMean(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(name, known as string[]);
  // Close enough to be a typo: within a third of the name's length, and at least two edits
  // (a swapped pair of letters, "mnsit" for "mnist", is two).
  return distance(name, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
