/**
 * The leaderboard as terminal tables (cli-table3): one table per dataset and metric, a row per
 * model, attack and defense, a column per poisoning rate, each cell the mean over seeds ± the
 * half-width of its 95% t-interval, in percent.
 */
import type { LeaderboardRow } from "@hemlock/store";
import Table from "cli-table3";

const LABELS: Record<string, string> = {
  cleanAccuracy: "clean accuracy (%)",
  attackSuccessRate: "attack success rate (%)",
};

export function leaderboardTables(rows: LeaderboardRow[], metricNames = Object.keys(LABELS)): string {
  const out: string[] = [];
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  for (const dataset of datasets)
    for (const metric of metricNames) {
      const selected = rows.filter((r) => r.dataset === dataset && r.metric === metric);
      if (selected.length === 0) continue;
      const rates = [...new Set(selected.map((r) => r.rate))].sort((a, b) => a - b);
      const table = new Table({
        head: ["model", "attack", "defense", ...rates.map((r) => `rate ${r}`)],
        style: { head: [], border: [] },
      });
      const keys = [...new Set(selected.map((r) => `${r.model}\u0000${r.attack}\u0000${r.defense}`))];
      for (const key of keys) {
        const [model, attack, defense] = key.split("\u0000") as [string, string, string];
        table.push([
          model,
          attack,
          defense,
          ...rates.map((rate) => {
            const r = selected.find(
              (x) => x.model === model && x.attack === attack && x.defense === defense && x.rate === rate,
            );
            return r ? `${(100 * r.mean).toFixed(1)} ± ${(100 * (r.ciHigh - r.mean)).toFixed(1)}` : "";
          }),
        ]);
      }
      out.push(
        `${dataset}: ${LABELS[metric] ?? metric}, mean ± 95% CI over seeds (n = ${Math.max(...selected.map((r) => r.n))})`,
        table.toString(),
      );
    }
  return out.join("\n");
}
