/**
 * A defense: what it is (from the registry), how it ranks in every setting it ran in (ASR, with
 * clean accuracy beside it), charts against the poisoning rate and of the ASR/accuracy Pareto
 * front with this defense highlighted, and links to compare it with each defense it met.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PluginSummary } from "../../../components/plugin-summary";
import { ResultCharts } from "../../../components/result-charts";
import { StoreProblemView } from "../../../components/store-problem-view";
import { meanCi } from "../../../lib/display";
import { defenseEntry } from "../../../lib/plugin-catalog";
import { pluginResults } from "../../../lib/plugin-results";
import { isStoreProblem } from "../../../lib/results-store";
import { paths } from "../../../lib/site-paths";
import { cachedRead } from "../../../lib/store-cache";

export const dynamic = "force-dynamic";

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Defense ${decodeURIComponent((await params).name)}` };
}

export default async function DefensePage({ params }: { params: Params }) {
  const name = decodeURIComponent((await params).name);
  const entry = defenseEntry(name);
  const results = await cachedRead(`defense:${name}`, (store) => pluginResults(store, "defense", name));
  if (isStoreProblem(results)) return <StoreProblemView {...results} />;
  if (!entry && results.rows.length === 0) notFound();
  return (
    <>
      <h1>Defense: {name}</h1>
      {entry ? <PluginSummary plugin={entry} /> : <p className="note">Not in this build's registry.</p>}
      <h2>Rank in each setting (attack success rate)</h2>
      {results.ranks.length === 0 ? (
        <p>No finished cells of this defense record an attack success rate.</p>
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
      <ResultCharts rows={results.rows} neighbours={results.neighbours} title={`defense ${name}`} highlight={name} />
      {results.peers.length > 0 && (
        <>
          <h2>Compare</h2>
          <p>
            {results.peers.map((p, i) => (
              <span key={p}>
                {i > 0 ? " · " : ""}
                <a href={paths.compare(name, p)}>
                  {name} vs {p}
                </a>
              </span>
            ))}
          </p>
        </>
      )}
    </>
  );
}
