/**
 * `hemlock run FILE`: plans the grid, then runs the cells not yet finished, recording each in the
 * store as it completes. Progress goes to the terminal as plain lines (or newline-delimited JSON
 * events with --json). The first Ctrl-C stops taking new work and lets running cells finish; the
 * second exits at once (every recorded cell is whole; unfinished ones are planned again).
 */
import { resolve } from "node:path";
import { planExperiment } from "@hemlock/runner";
import { leaderboard, openStore } from "@hemlock/store";
import { selectBackendOption } from "../backend-option.js";
import { resolveDataDirOption } from "../data-dir-option.js";
import { leaderboardTables } from "../format/leaderboard-table.js";
import { flag, oneOf, wholeNumber } from "../options/option-values.js";
import { executionFields, type OptionValues, optionTable, storeFields } from "../options/shared-tables.js";
import { queueOptions, runGrid } from "../run-grid.js";

export const OPTIONS = optionTable({
  ...storeFields,
  ...executionFields,
  rerun: oneOf(["failed", "all"]).optional(),
  force: flag,
  retries: wholeNumber(0),
  failFast: flag,
  json: flag,
});

export async function run(args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const [file] = args as [string];
  const { retries, workers, json } = options;
  const backend = await selectBackendOption(options);
  const dataDir = resolveDataDirOption(options.dataDir).dir;
  const plan = await planExperiment(file, { backend: backend.name, dataDir });
  const store = await openStore(resolve(options.db));
  try {
    const { summary, seconds, ranOn } = await runGrid(plan, {
      store,
      dataDir,
      backend: backend.name,
      ...(workers === undefined ? {} : { workers }),
      retries,
      failFast: options.failFast,
      ...(options.force ? { rerun: "all" as const } : options.rerun ? { rerun: options.rerun } : {}),
      json,
      ...queueOptions(options),
    });
    const line = `${plan.parsed.spec.name}: ${summary.finished} finished, ${summary.failed} failed, ${summary.alreadyDone} already done, ${summary.notRun} not run${summary.failedEarlier > 0 ? `, ${summary.failedEarlier} failed earlier (--rerun failed)` : ""}${summary.retried > 0 ? `, ${summary.retried} retried` : ""}${summary.claimedElsewhere > 0 ? `, ${summary.claimedElsewhere} run by another process` : ""}; ${summary.trainings} models trained, ${summary.poisonedDatasetsMade} poisoned datasets made; ${seconds.toFixed(1)} s (backend ${backend.name}, ${ranOn}, store ${store.path})`;
    if (json) console.log(JSON.stringify({ type: "summary", ...summary, seconds }));
    else {
      console.log(line);
      console.log(leaderboardTables(leaderboard(store, { experimentId: summary.experimentId })));
    }
    return summary.failed > 0 || summary.notRun > 0 ? 1 : 0;
  } finally {
    store.close();
  }
}
