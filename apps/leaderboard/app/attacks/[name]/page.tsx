/**
 * An attack: what it is (from the registry), which defenses hold it at which rates (ASR per
 * defense and rate, the best in each column marked), and the same charts as a defense's page.
 */
import { resultTables } from "@hemlock/store/portable";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PluginSummary } from "../../../components/plugin-summary";
import { ResultCharts } from "../../../components/result-charts";
import { StoreProblemView } from "../../../components/store-problem-view";
import { meanCi } from "../../../lib/display";
import { attackEntry } from "../../../lib/plugin-catalog";
import { pluginResults } from "../../../lib/plugin-results";
import { isStoreProblem } from "../../../lib/results-store";
import { paths } from "../../../lib/site-paths";
import { cachedRead } from "../../../lib/store-cache";

export const dynamic = "force-dynamic";

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Attack ${decodeURIComponent((await params).name)}` };
}

export default async function AttackPage({ params }: { params: Params }) {
  const name = decodeURIComponent((await params).name);
  const entry = attackEntry(name);
  const results = await cachedRead(`attack:${name}`, (store) => pluginResults(store, "attack", name));
  if (isStoreProblem(results)) return <StoreProblemView {...results} />;
  if (!entry && results.rows.length === 0) notFound();
  const tables = resultTables(results.rows, ["attackSuccessRate"]);
  return (
    <>
      <h1>Attack: {name}</h1>
      {entry ? <PluginSummary plugin={entry} /> : <p className="note">Not in this build's registry.</p>}
      <h2>Which defenses hold it</h2>
      {tables.length === 0 && <p>No finished cells of this attack record an attack success rate.</p>}
      {tables.map((t) => (
        <section key={t.dataset}>
          <h3>{t.dataset}: attack success rate (%), mean ± 95% CI over seeds; lowest in each column in bold green</h3>
          <div className="scroll">
            <table data-testid="attack-table">
              <thead>
                <tr>
                  <th>model</th>
                  <th>attack</th>
                  <th>defense</th>
                  {t.rates.map((r) => (
                    <th key={r} className="num">
                      rate {r}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {t.blocks.flatMap((b) =>
                  b.rows.map((row) => (
                    <tr key={`${b.model}/${b.attack}/${row.defense}`}>
                      <td>{b.model}</td>
                      <td>{b.attack}</td>
                      <td>
                        <a href={paths.defense(row.defense)}>{row.defense}</a>
                      </td>
                      {row.cells.map((c, i) => (
                        <td key={t.rates[i]} className="num">
                          {c ? (
                            <span className={c.best ? "pass" : ""}>
                              {meanCi("attackSuccessRate", c.row.mean, c.row.ciHigh, c.row.n)}
                            </span>
                          ) : (
                            ""
                          )}
                        </td>
                      ))}
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <ResultCharts rows={results.rows} neighbours={results.neighbours} title={`attack ${name}`} />
    </>
  );
}
