/**
 * `hemlock export --format csv|json|latex|markdown`: the leaderboard the filters select. CSV and
 * JSON carry every aggregated row (setting, metric, mean, sd, n, interval); LaTeX (booktabs) and
 * Markdown lay the chosen metrics out as publication tables with the best in bold. Written to
 * --out (atomically) or printed.
 */
import { rename, writeFile } from "node:fs/promises";
import { leaderboard, metricNames } from "@hemlock/store";
import { type ExportFormat, exportText, TABLE_METRICS } from "@hemlock/store/portable";
import { z } from "zod";
import { oneOf, text } from "../options/option-values.js";
import { filterFields, type OptionValues, optionTable, storeFields } from "../options/shared-tables.js";
import { checkMetrics, nothingSelected, resultFilter } from "../result-filter.js";
import { openExistingStore } from "../store-option.js";

export const OPTIONS = optionTable({
  ...storeFields,
  ...filterFields,
  format: oneOf(["csv", "json", "latex", "markdown"]),
  metric: z.array(text).optional(),
  out: text.optional(),
});

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const store = await openExistingStore(options.db);
  try {
    const filter = resultFilter(store, options);
    const format: ExportFormat = options.format;
    const tabular = format === "latex" || format === "markdown";
    const known = metricNames(store);
    const metrics = options.metric
      ? checkMetrics(store, options.metric)
      : tabular
        ? TABLE_METRICS.filter((m) => known.includes(m))
        : known;
    const rows = leaderboard(store, { ...filter, metrics });
    if (rows.length === 0) throw nothingSelected(store, options);
    const text = exportText(rows, format, metrics);
    if (options.out !== undefined) {
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
