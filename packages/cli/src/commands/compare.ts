/**
 * `hemlock compare A B`: two defenses (or two attacks, when both names are attacks) in every
 * setting they share, per setting both means over the shared seeds, the difference, the paired
 * t-test and Wilcoxon signed-rank p, and the chosen test Holm-corrected over the settings; then
 * wins, losses and ties, and a signed-rank test over the settings' means.
 */
import { HemlockError } from "@hemlock/core";
import { formatP, formatValue, metricTitle } from "@hemlock/store/portable";
import { comparableNames, compareAxisOf, comparePlugins, type PairedTestName } from "@hemlock/store/reports";
import Table from "cli-table3";
import { type OptionValues, optionTable, statisticsFields } from "../options/shared-tables.js";
import { checkMetrics, resultFilter } from "../result-filter.js";
import { openExistingStore } from "../store-option.js";

export const OPTIONS = optionTable({ ...statisticsFields });

export async function run(args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const [a, b] = args as [string, string];
  const store = await openExistingStore(options.db);
  try {
    const { defense, attack, ...filter } = resultFilter(store, options);
    const [metric] = checkMetrics(store, [options.metric]) as [string];
    const test: PairedTestName = options.test;
    const { alpha } = options;
    const axis = compareAxisOf(comparableNames(store), a, b);
    if (!axis)
      throw new HemlockError(
        "INVALID_ARGUMENT",
        `"${a}" and "${b}" are not two defenses nor two attacks of the finished cells in ${store.path}`,
        "`hemlock ls` lists the defenses and attacks there are.",
      );
    // --attack narrows a comparison of defenses to one attack's settings, --defense one of attacks.
    const shared = axis === "defense" ? attack : defense;
    const result = comparePlugins(store, {
      ...filter,
      a,
      b,
      metric,
      axis,
      test,
      alpha,
      ...(shared !== undefined ? { shared } : {}),
    });
    if (result.settings.length === 0)
      throw new HemlockError(
        "INVALID_ARGUMENT",
        `"${a}" and "${b}" share no setting with two or more common seeds in ${store.path}${filter.experimentId === undefined ? "" : ` (experiment ${String(options.experiment)})`}`,
        `${axis === "defense" ? "Defenses" : "Attacks"} are compared on cells that differ only by ${axis}; \`hemlock leaderboard\` lists the defenses in each setting.`,
      );
    if (options.json) {
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    // Of two attacks, the one with the lower ASR is the weaker: say what the difference is.
    const better = axis === "defense" ? "better" : result.higherIsBetter ? "higher" : "lower";
    const table = new Table({
      head: [
        "dataset",
        "model",
        axis === "defense" ? "attack" : "defense",
        "rate",
        "n",
        a,
        b,
        "A − B",
        "t p",
        "Wilcoxon p",
        "p (Holm)",
        "better",
      ],
      style: { head: [], border: [] },
    });
    for (const s of result.settings)
      table.push([
        s.dataset,
        s.model,
        s.shared,
        s.rate,
        s.seeds.length,
        formatValue(metric, s.meanA),
        formatValue(metric, s.meanB),
        formatValue(metric, s.meanDifference),
        formatP(s.t.p),
        formatP(s.wilcoxon.p),
        formatP(s.pAdjusted),
        s.better === "a" ? a : s.better === "b" ? b : "—",
      ]);
    console.log(
      `${metricTitle(metric)}, ${result.higherIsBetter ? "higher" : "lower"} is better; means over the seeds both share; ` +
        `p (Holm): the ${test === "t" ? "paired t-test" : "Wilcoxon signed-rank test"} corrected over ${result.settings.length} settings`,
    );
    console.log(table.toString());
    const { wins } = result;
    console.log(
      `${a} ${better} in ${wins.a}, ${b} ${better} in ${wins.b}, no significant difference in ${wins.ties} (α = ${alpha})` +
        (result.overall
          ? `; over settings, Wilcoxon signed-rank V = ${result.overall.statistic}, p = ${formatP(result.overall.p)} (n = ${result.overall.n})`
          : ""),
    );
    return 0;
  } finally {
    store.close();
  }
}
