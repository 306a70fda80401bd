/** Shown in place of results when the results store cannot be read, with what to do about it. */
import type { StoreProblem } from "../lib/results-store";

export function StoreProblemView({ problem }: StoreProblem) {
  return (
    <p className="fail" role="alert">
      {problem}
    </p>
  );
}
