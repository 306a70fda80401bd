/**
 * Result tables as GitHub-flavoured Markdown: a heading and a table per dataset and metric, each
 * cell mean ± the half-width of its 95% interval, the best of each block and column in bold.
 */
import { formatMeanCi, metricTitle } from "../format/metric-values.js";
import { type ResultTable, seedCount } from "./result-tables.js";

export function markdownTables(tables: readonly ResultTable[]): string {
  const out: string[] = [];
  for (const t of tables) {
    out.push(
      `### ${markdownEscape(t.dataset)}: ${metricTitle(t.metric)}`,
      "",
      `Mean ± 95% CI over seeds (${seedCount(t)}); the best defense per model, attack and rate in bold.`,
      "",
      `| model | attack | defense | ${t.rates.map((r) => `rate ${r}`).join(" | ")} |`,
      `|---|---|---|${t.rates.map(() => "---:|").join("")}`,
    );
    for (const block of t.blocks)
      for (const row of block.rows)
        out.push(
          `| ${[
            markdownEscape(block.model),
            markdownEscape(block.attack),
            markdownEscape(row.defense),
            ...row.cells.map((c) => {
              if (!c) return "";
              const text = formatMeanCi(t.metric, c.row.mean, c.row.ciHigh);
              return c.best ? `**${text}**` : text;
            }),
          ].join(" | ")} |`,
        );
    out.push("");
  }
  return out.join("\n");
}

function markdownEscape(text: string): string {
  return text.replace(/[|*_\\]/g, (c) => `\\${c}`);
}
