/**
 * Leaderboard rows arranged as publication tables: one table per dataset and metric, a block of
 * rows per model and attack, a row per defense, a column per poisoning rate; in each block and
 * column the best mean (by the metric's direction) is marked. The terminal, Markdown and LaTeX
 * renderings all read this one arrangement.
 */
import { metricDirection } from "@hemlock/core/metric-names";
import type { LeaderboardRow } from "../queries/leaderboard.js";

export interface ResultCell {
  row: LeaderboardRow;
  best: boolean;
}

export interface ResultTable {
  dataset: string;
  metric: string;
  rates: number[];
  /** The fewest and most seeds behind a cell: a caption says "n = 3" only when every cell has 3. */
  n: [number, number];
  blocks: { model: string; attack: string; rows: { defense: string; cells: (ResultCell | undefined)[] }[] }[];
}

export function resultTables(rows: readonly LeaderboardRow[], metrics: readonly string[]): ResultTable[] {
  const labelled = disambiguate(rows);
  const out: ResultTable[] = [];
  for (const dataset of unique(labelled.map((r) => r.dataset)))
    for (const metric of metrics) {
      const selected = labelled.filter((r) => r.dataset === dataset && r.metric === metric);
      if (selected.length === 0) continue;
      const direction = metricDirection(metric);
      const rates = unique(selected.map((r) => r.rate)).sort((a, b) => a - b);
      const blocks = unique(selected.map((r) => `${r.model}\u0000${r.attack}`)).map((key) => {
        const [model, attack] = key.split("\u0000") as [string, string];
        const inBlock = selected.filter((r) => r.model === model && r.attack === attack);
        const bestAt = rates.map((rate) => {
          const means = inBlock.filter((r) => r.rate === rate).map((r) => r.mean);
          if (means.length < 2 || direction === "none") return undefined;
          return direction === "lower" ? Math.min(...means) : Math.max(...means);
        });
        return {
          model,
          attack,
          rows: unique(inBlock.map((r) => r.defense)).map((defense) => ({
            defense,
            cells: rates.map((rate, i) => {
              const row = inBlock.find((r) => r.defense === defense && r.rate === rate);
              return row ? { row, best: row.mean === bestAt[i] } : undefined;
            }),
          })),
        };
      });
      out.push({
        dataset,
        metric,
        rates,
        n: [Math.min(...selected.map((r) => r.n)), Math.max(...selected.map((r) => r.n))],
        blocks,
      });
    }
  return out;
}

/**
 * Settings that share every label (they differ in something no label shows, e.g. two experiments
 * with different code versions) get the start of their setting key on the defense, so no row
 * silently stands for two.
 */
export function disambiguate(rows: readonly LeaderboardRow[]): LeaderboardRow[] {
  const labelKey = (r: LeaderboardRow) => [r.dataset, r.model, r.attack, r.rate, r.defense, r.metric].join("\u0000");
  const settings = new Map<string, Set<string>>();
  for (const r of rows) settings.set(labelKey(r), (settings.get(labelKey(r)) ?? new Set()).add(r.setting));
  return rows.map((r) =>
    (settings.get(labelKey(r))?.size ?? 1) > 1 ? { ...r, defense: `${r.defense} [${r.setting.slice(0, 8)}]` } : r,
  );
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** "n = 3", or "n = 2–3" when cells differ in their number of seeds. */
export function seedCount(table: Pick<ResultTable, "n">): string {
  const [low, high] = table.n;
  return low === high ? `n = ${low}` : `n = ${low}–${high}`;
}
