/**
 * `hemlock plot --out FILE.svg|png`: charts of the results the filters select, drawn with
 * Vega-Lite and rendered headless. --kind rate: ASR and clean accuracy against the poisoning rate,
 * a line per defense with 95% CI bands. --kind pareto: ASR against clean accuracy per setting,
 * with the Pareto front.
 */
import { leaderboard } from "@hemlock/store";
import { paretoChart, paretoPoints, RATE_CHART_METRICS, rateChart, ratePoints } from "@hemlock/store/portable";
import { oneOf, text } from "../options/option-values.js";
import { filterFields, type OptionValues, optionTable, storeFields } from "../options/shared-tables.js";
import { writeChart } from "../plot/render-chart.js";
import { nothingSelected, resultFilter } from "../result-filter.js";
import { openExistingStore } from "../store-option.js";

export const OPTIONS = optionTable({ ...storeFields, ...filterFields, out: text, kind: oneOf(["rate", "pareto"]) });

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const store = await openExistingStore(options.db);
  try {
    const filter = resultFilter(store, options);
    const rows = leaderboard(store, { ...filter, metrics: RATE_CHART_METRICS });
    const title = options.experiment ?? "Hemlock results";
    const { out } = options;
    if (options.kind === "pareto") {
      const points = paretoPoints(rows);
      if (points.length === 0) throw nothingSelected(store, options);
      const bytes = await writeChart(paretoChart(points, title), out);
      console.log(
        `wrote ${out} (${bytes} bytes): ${points.length} defenses in ${new Set(points.map((p) => p.panel)).size} settings, ${points.filter((p) => p.front).length} on Pareto fronts`,
      );
    } else {
      const points = ratePoints(rows);
      if (points.length === 0) throw nothingSelected(store, options);
      const bytes = await writeChart(rateChart(points, title), out);
      console.log(
        `wrote ${out} (${bytes} bytes): ${new Set(points.map((p) => p.panel)).size} panels × 2 metrics, ${new Set(points.map((p) => p.defense)).size} defenses`,
      );
    }
    return 0;
  } finally {
    store.close();
  }
}
