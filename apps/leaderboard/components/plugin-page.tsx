/**
 * A defense's or an attack's page: what it is (from the registry), every dataset and model it ran
 * in (a defense's mean rank in each), and, for one of them (the first, or the one in the path:
 * /defenses/NAME/DATASET/MODEL/), a defense's rank in each setting or which defenses hold an
 * attack, the charts against the rate and of the ASR/accuracy Pareto front, and compare links.
 */
import { resultTables } from "@hemlock/store/portable";
import { notFound } from "next/navigation";
import { meanCi } from "../lib/display";
import { attackEntry, defenseEntry } from "../lib/plugin-catalog";
import { type PluginResults, pluginResults } from "../lib/plugin-results";
import { isStoreProblem } from "../lib/results-store";
import { paths } from "../lib/site-paths";
import { PluginSummary } from "./plugin-summary";
import { ResultCharts } from "./result-charts";
import { StoreProblemView } from "./store-problem-view";

export async function PluginPage({
  kind,
  name,
  focus,
}: {
  kind: "defense" | "attack";
  name: string;
  focus?: { dataset: string; model: string };
}) {
  const entry = kind === "defense" ? defenseEntry(name) : attackEntry(name);
  const results = await pluginResults(kind, name, focus);
  if (isStoreProblem(results)) return <StoreProblemView {...results} />;
  if (!results || (!entry && results.pairs.length === 0)) notFound();
  const link = kind === "defense" ? paths.defense : paths.attack;
  const where = results.focus ? `${results.focus.dataset} · ${results.focus.model}` : "";
  return (
    <>
      <h1>
        {kind === "defense" ? "Defense" : "Attack"}: {name}
      </h1>
      {entry ? <PluginSummary plugin={entry} /> : <p className="note">Not in this build's registry.</p>}
      <h2>Where it ran</h2>
      {results.pairs.length === 0 ? (
        <p>No finished cells of this {kind} yet.</p>
      ) : (
        <div className="scroll">
          <table data-testid="plugin-pairs">
            <thead>
              <tr>
                <th>dataset</th>
                <th>model</th>
                <th className="num">settings</th>
                {kind === "defense" && <th className="num">mean ASR rank</th>}
                {kind === "defense" && <th className="num">ranked first</th>}
              </tr>
            </thead>
            <tbody>
              {results.pairs.map((p) => {
                const shown = p.dataset === results.focus?.dataset && p.model === results.focus?.model;
                return (
                  <tr key={`${p.dataset}/${p.model}`} aria-current={shown ? "true" : undefined}>
                    <td>{shown ? <strong>{p.dataset}</strong> : <a href={link(name, p)}>{p.dataset}</a>}</td>
                    <td>{p.model}</td>
                    <td className="num">{p.settings}</td>
                    {kind === "defense" && <td className="num">{p.meanRank?.toFixed(2) ?? "n/a"}</td>}
                    {kind === "defense" && <td className="num">{p.first ?? "n/a"}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {results.pairs.length > 1 && (
        <p className="note">Below: {where}. Pick another dataset above to see its settings and charts.</p>
      )}
      {results.focus && (kind === "defense" ? <DefenseRanks results={results} /> : <AttackTables results={results} />)}
      {results.focus && (
        <ResultCharts
          rows={results.rows}
          neighbours={results.neighbours}
          title={`${kind} ${name}, ${where}`}
          {...(kind === "defense" ? { highlight: name } : {})}
        />
      )}
      {results.peers.length > 0 && (
        <>
          <h2>Compare</h2>
          <p>
            {results.peers.map((p, i) => (
              <span key={p}>
                {i > 0 ? " · " : ""}
                <a href={paths.compare(name, p)}>{[name, p].sort().join(" vs ")}</a>
              </span>
            ))}
          </p>
        </>
      )}
    </>
  );
}

function DefenseRanks({ results }: { results: PluginResults }) {
  return (
    <>
      <h2>
        Rank in each setting of {results.focus?.dataset} · {results.focus?.model} (attack success rate)
      </h2>
      {results.ranks.length === 0 ? (
        <p>No finished cells of this defense record an attack success rate here.</p>
      ) : (
        <div className="scroll">
          <table data-testid="defense-ranks">
            <thead>
              <tr>
                <th>dataset</th>
                <th>model</th>
                <th>attack</th>
                <th className="num">rate</th>
                <th>variant</th>
                <th className="num">rank</th>
                <th className="num">ASR (%)</th>
                <th className="num">clean accuracy (%)</th>
                <th className="num">n</th>
              </tr>
            </thead>
            <tbody>
              {results.ranks.map((r) => (
                <tr key={r.setting}>
                  <td>{r.dataset}</td>
                  <td>{r.model}</td>
                  <td>
                    <a href={paths.attack(r.attack)}>{r.attack}</a>
                  </td>
                  <td className="num">{r.rate}</td>
                  <td>{r.defense}</td>
                  <td className="num">
                    {r.rank} of {r.of}
                  </td>
                  <td className="num">{meanCi("attackSuccessRate", r.mean, r.ciHigh, r.n)}</td>
                  <td className="num">
                    {r.clean ? meanCi("cleanAccuracy", r.clean.mean, r.clean.ciHigh, r.clean.n) : "n/a"}
                  </td>
                  <td className="num">{r.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function AttackTables({ results }: { results: PluginResults }) {
  const tables = resultTables(results.rows, ["attackSuccessRate"]);
  return (
    <>
      <h2>Which defenses hold it</h2>
      {tables.length === 0 && <p>No finished cells of this attack record an attack success rate here.</p>}
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
    </>
  );
}
