/**
 * `hemlock leaderboard`: in every setting the filters select, the defenses ranked by a metric
 * (mean ± 95% CI over seeds, n), with interval ranks, each defense's difference from the best and
 * a paired test against it across seeds (Holm-corrected over the setting's defenses); clean
 * accuracy beside the metric for context; then the Friedman test across the settings.
 */
import { METRIC_LABELS } from "@hemlock/core";
import { leaderboard } from "@hemlock/store";
import {
  disambiguate,
  formatMeanCi,
  formatMeanInterval,
  formatP,
  formatValue,
  metricTitle,
} from "@hemlock/store/portable";
import { friedmanAcrossSettings, type PairedTestName, rankDefenses } from "@hemlock/store/reports";
import Table from "cli-table3";
import pc from "picocolors";
import { oneOf } from "../options/option-values.js";
import { type OptionValues, optionTable, statisticsFields } from "../options/shared-tables.js";
import { checkMetrics, nothingSelected, resultFilter } from "../result-filter.js";
import { openExistingStore } from "../store-option.js";

export const OPTIONS = optionTable({ ...statisticsFields, interval: oneOf(["t", "bootstrap"]) });

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const store = await openExistingStore(options.db);
  try {
    const filter = resultFilter(store, options);
    const [metric] = checkMetrics(store, [options.metric]) as [string];
    const test: PairedTestName = options.test;
    const { alpha } = options;
    const { interval } = options;
    const ranked = rankDefenses(store, { ...filter, metric, test, alpha, interval });
    if (ranked.length === 0) throw nothingSelected(store, options);
    const context = metric === "cleanAccuracy" ? undefined : "cleanAccuracy";
    const clean = new Map(
      context ? leaderboard(store, { ...filter, metrics: [context] }).map((r) => [r.setting, r]) : [],
    );
    const across = friedmanAcrossSettings(ranked);
    if (options.json) {
      console.log(JSON.stringify({ settings: ranked, acrossSettings: across ?? null }, null, 2));
      return 0;
    }
    const testName = test === "t" ? "paired t-test" : "Wilcoxon signed-rank test";
    console.log(
      `${metricTitle(metric)}, ${ranked[0]?.higherIsBetter ? "higher" : "lower"} is better; ${interval === "t" ? "mean ± 95% t-interval" : "mean [95% bootstrap interval]"} over seeds; ` +
        `rank 1 + the defenses whose interval is wholly better; vs best: ${testName} over shared seeds, Holm-corrected (* p < ${alpha})`,
    );
    for (const setting of ranked) {
      const table = new Table({
        head: [
          "rank",
          "defense",
          METRIC_LABELS[metric] ?? metric,
          "n",
          "Δ vs best",
          "p (Holm)",
          ...(context ? ["clean accuracy"] : []),
        ],
        style: { head: [], border: [] },
      });
      for (const e of disambiguate(setting.entries) as typeof setting.entries) {
        const versus = e.versusBest;
        const c = clean.get(e.setting);
        table.push([
          e.rank,
          e.best ? pc.bold(e.defense) : e.defense,
          interval === "t"
            ? formatMeanCi(metric, e.mean, e.ciHigh)
            : formatMeanInterval(metric, e.mean, e.ciLow, e.ciHigh),
          e.n,
          e.best ? "best" : versus ? signed(formatValue(metric, versus.meanDifference)) : "",
          e.best ? "" : versus ? `${formatP(versus.pAdjusted)}${versus.significant ? " *" : ""}` : "n < 2",
          ...(context ? [c ? formatMeanCi(context, c.mean, c.ciHigh) : ""] : []),
        ]);
      }
      console.log(`\n${setting.dataset} · ${setting.model} · ${setting.attack} · rate ${setting.rate}`);
      console.log(table.toString());
    }
    if (across)
      console.log(
        `\nAcross ${across.settings} settings, Friedman test: χ² = ${across.statistic.toFixed(2)}, df = ${across.df}, p = ${formatP(across.p)}; ` +
          `mean ranks (1 = best): ${across.defenses
            .map((d, i) => ({ d, r: across.meanRanks[i] as number }))
            .sort((a, b) => a.r - b.r)
            .map(({ d, r }) => `${d} ${r.toFixed(2)}`)
            .join(", ")}` +
          (across.leftOut.length > 0 ? ` (not in every setting: ${across.leftOut.join(", ")})` : ""),
      );
    return 0;
  } finally {
    store.close();
  }
}

function signed(text: string): string {
  return text.startsWith("-") ? text : `+${text}`;
}
