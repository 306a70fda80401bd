/**
 * `hemlock export --format csv|json|latex|markdown`: the leaderboard the filters select. CSV and
 * JSON carry every aggregated row (setting, metric, mean, sd, n, interval); LaTeX (booktabs) and
 * Markdown lay the chosen metrics out as publication tables with the best in bold. Written to
 * --out (atomically) or printed.
 */
import { rename, writeFile } from "node:fs/promises";
import { leaderboard, metricNames } from "@hemlock/store";
import { stringify } from "csv-stringify/sync";
import { latexTables } from "../export/latex-table.js";
import { markdownTables } from "../export/markdown-table.js";
import { resultTables } from "../format/result-tables.js";
import { checkMetrics, nothingSelected, resultFilter } from "../result-filter.js";
import { openExistingStore } from "../store-option.js";

const TABLE_DEFAULT = ["cleanAccuracy", "attackSuccessRate"];

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const store = await openExistingStore(options.db);
  try {
    const filter = resultFilter(store, options);
    const format = String(options.format);
    const tabular = format === "latex" || format === "markdown";
    const known = metricNames(store);
    const metrics = options.metric
      ? checkMetrics(store, options.metric as string[])
      : tabular
        ? TABLE_DEFAULT.filter((m) => known.includes(m))
        : known;
    const rows = leaderboard(store, { ...filter, metrics });
    if (rows.length === 0) throw nothingSelected(store, options);
    const text =
      format === "json"
        ? `${JSON.stringify(rows, null, 2)}\n`
        : format === "csv"
          ? stringify(rows, {
              header: true,
              columns: [
                "dataset",
                "model",
                "attack",
                "rate",
                "defense",
                "metric",
                "mean",
                "sd",
                "n",
                { key: "ciLow", header: "ci_low" },
                { key: "ciHigh", header: "ci_high" },
                "setting",
              ],
            })
          : format === "latex"
            ? latexTables(resultTables(rows, metrics))
            : markdownTables(resultTables(rows, metrics));
    if (typeof options.out === "string") {
      const temporary = `${options.out}.${process.pid}.tmp`;
      await writeFile(temporary, text);
      await rename(temporary, options.out);
      console.error(`wrote ${rows.length} rows as ${format} to ${options.out}`);
    } else process.stdout.write(text);
    return 0;
  } finally {
    store.close();
  }
}
