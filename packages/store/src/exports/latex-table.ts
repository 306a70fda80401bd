/**
 * Result tables as LaTeX (booktabs): a table environment per dataset and metric, a row per model,
 * attack and defense, a column per poisoning rate, each cell mean $\pm$ the half-width of its 95%
 * interval, the best of each block and column in bold. Needs \usepackage{booktabs}.
 */
import { formatMeanCi, metricTitle } from "../format/metric-values.js";
import { type ResultTable, seedCount } from "./result-tables.js";

export function latexTables(tables: readonly ResultTable[]): string {
  const out = ["% Hemlock results; needs \\usepackage{booktabs}"];
  for (const t of tables) {
    const columns = `lll${"c".repeat(t.rates.length)}`;
    out.push(
      "\\begin{table}[t]",
      "\\centering",
      `\\caption{${latexEscape(`${t.dataset}: ${metricTitle(t.metric)}, mean`)} $\\pm$ ${latexEscape(`95% CI over seeds (${seedCount(t)}).`)}}`,
      `\\label{tab:${label(t.dataset)}-${label(t.metric)}}`,
      `\\begin{tabular}{${columns}}`,
      "\\toprule",
      `Model & Attack & Defense & ${t.rates.map((r) => `$r = ${r}$`).join(" & ")} \\\\`,
      "\\midrule",
    );
    t.blocks.forEach((block, b) => {
      if (b > 0) out.push("\\midrule");
      for (const row of block.rows)
        out.push(
          `${[
            latexEscape(block.model),
            latexEscape(block.attack),
            latexEscape(row.defense),
            ...row.cells.map((c) => {
              if (!c) return "--";
              const text = formatMeanCi(t.metric, c.row.mean, c.row.ciHigh, "$\\pm$");
              return c.best ? `\\textbf{${text}}` : text;
            }),
          ].join(" & ")} \\\\`,
        );
    });
    out.push("\\bottomrule", "\\end{tabular}", "\\end{table}", "");
  }
  return out.join("\n");
}

const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

export function latexEscape(text: string): string {
  return text.replace(/[\\&%$#_{}~^]/g, (c) => SPECIAL[c] as string);
}

function label(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase();
}
