/**
 * The leaderboard as terminal tables (cli-table3), from the arrangement in result-tables.ts: each
 * cell the mean over seeds ± the half-width of its 95% t-interval, the best in bold.
 */
import { formatMeanCi, type LeaderboardRow, metricTitle, resultTables, seedCount } from "@hemlock/store/portable";
import Table from "cli-table3";
import pc from "picocolors";

export function leaderboardTables(
  rows: LeaderboardRow[],
  metrics: readonly string[] = ["cleanAccuracy", "attackSuccessRate"],
): string {
  return resultTables(rows, metrics)
    .flatMap((t) => {
      const table = new Table({
        head: ["model", "attack", "defense", ...t.rates.map((r) => `rate ${r}`)],
        style: { head: [], border: [] },
      });
      for (const block of t.blocks)
        for (const row of block.rows)
          table.push([
            block.model,
            block.attack,
            row.defense,
            ...row.cells.map((c) => {
              if (!c) return "";
              const text = formatMeanCi(t.metric, c.row.mean, c.row.ciHigh);
              return c.best ? pc.bold(text) : text;
            }),
          ]);
      return [`${t.dataset}: ${metricTitle(t.metric)}, mean ± 95% CI over seeds (${seedCount(t)})`, table.toString()];
    })
    .join("\n");
}
