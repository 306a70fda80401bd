/**
 * Two defenses in every setting they share, for attack success rate and clean accuracy: per
 * setting both means over the shared seeds, the paired difference with its 95% interval, the
 * paired t and Wilcoxon p, the chosen test Holm-corrected over settings, and wins, ties and
 * losses; as `hemlock compare A B` computes them. A chart shows the per-setting differences.
 */
import type { DefenseComparison } from "@hemlock/store";
import { formatP, formatValue, metricTitle } from "@hemlock/store/portable";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DifferencePlot } from "../../../../components/difference-plot";
import { StoreProblemView } from "../../../../components/store-problem-view";
import { pText } from "../../../../lib/display";
import { hemlockStore } from "../../../../lib/hemlock-store";
import { isStoreProblem } from "../../../../lib/results-store";
import { paths } from "../../../../lib/site-paths";
import { cachedRead } from "../../../../lib/store-cache";

export const dynamic = "force-dynamic";

type Params = Promise<{ a: string; b: string }>;
const METRICS = ["attackSuccessRate", "cleanAccuracy"];

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { a, b } = await params;
  return { title: `${decodeURIComponent(a)} vs ${decodeURIComponent(b)}` };
}

export default async function ComparePair({ params }: { params: Params }) {
  const { a: rawA, b: rawB } = await params;
  const [a, b] = [decodeURIComponent(rawA), decodeURIComponent(rawB)];
  const h = await hemlockStore();
  const result = await cachedRead(`compare:${a}\u0000${b}`, (store) => {
    const known = new Set(h.leaderboard(store, { metrics: ["cleanAccuracy"] }).map((r) => r.defense.split(" ")[0]));
    if (!known.has(a) || !known.has(b)) return undefined;
    return METRICS.filter((m) => h.metricNames(store).includes(m)).map((metric) => {
      try {
        return { metric, comparison: h.compareDefenses(store, { a, b, metric }) };
      } catch (error) {
        return {
          metric,
          problem: [(error as Error).message, (error as { hint?: string }).hint].filter(Boolean).join(" "),
        };
      }
    });
  });
  if (isStoreProblem(result)) return <StoreProblemView {...result} />;
  if (!result) notFound();
  return (
    <>
      <h1>
        <a href={paths.defense(a)}>{a}</a> vs <a href={paths.defense(b)}>{b}</a>
      </h1>
      <p className="note">
        A = {a}, B = {b}. Means over the seeds both share in each setting; p (Holm): the paired t-test corrected over
        the settings; a win is a significant difference in the better direction (α = 0.05).
      </p>
      {result.map((r) =>
        "problem" in r ? (
          <p key={r.metric} className="fail" role="alert">
            {metricTitle(r.metric)}: {r.problem}
          </p>
        ) : (
          <Comparison key={r.metric} a={a} b={b} result={r.comparison} />
        ),
      )}
    </>
  );
}

function Comparison({ a, b, result }: { a: string; b: string; result: DefenseComparison }) {
  const m = result.metric;
  const { wins } = result;
  return (
    <section data-metric={m}>
      <h2>
        {metricTitle(m)}, {result.higherIsBetter ? "higher" : "lower"} is better
      </h2>
      {result.settings.length === 0 ? (
        <p>These two share no setting with two or more common seeds.</p>
      ) : (
        <>
          <p data-testid={`wins-${m}`}>
            <strong>{a}</strong> better in {wins.a}, <strong>{b}</strong> better in {wins.b}, no significant difference
            in {wins.ties}
            {result.overall
              ? `; over settings, Wilcoxon signed-rank V = ${result.overall.statistic}, ${pText(result.overall.p)} (n = ${result.overall.n})`
              : ""}
            .
          </p>
          <div className="scroll">
            <table data-testid={`compare-${m}`}>
              <thead>
                <tr>
                  <th>dataset</th>
                  <th>model</th>
                  <th>attack</th>
                  <th className="num">rate</th>
                  <th className="num">n</th>
                  <th className="num">A</th>
                  <th className="num">B</th>
                  <th className="num">A − B [95% CI]</th>
                  <th className="num">t p</th>
                  <th className="num">Wilcoxon p</th>
                  <th className="num">p (Holm)</th>
                  <th>better</th>
                </tr>
              </thead>
              <tbody>
                {result.settings.map((s) => (
                  <tr key={`${s.dataset}/${s.model}/${s.attack}/${s.rate}`}>
                    <td>{s.dataset}</td>
                    <td>{s.model}</td>
                    <td>{s.attack}</td>
                    <td className="num">{s.rate}</td>
                    <td className="num">{s.seeds.length}</td>
                    <td className="num">{formatValue(m, s.meanA)}</td>
                    <td className="num">{formatValue(m, s.meanB)}</td>
                    <td className="num">
                      {formatValue(m, s.meanDifference)} [{formatValue(m, s.t.ciLow)}, {formatValue(m, s.t.ciHigh)}]
                    </td>
                    <td className="num">{formatP(s.t.p)}</td>
                    <td className="num">{formatP(s.wilcoxon.p)}</td>
                    <td className="num">{formatP(s.pAdjusted)}</td>
                    <td className={s.better === "tie" ? "" : "pass"}>
                      {s.better === "a" ? s.defenseA : s.better === "b" ? s.defenseB : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <DifferencePlot
            title={`${metricTitle(m)}: ${a} − ${b}`}
            unit={m === "cleanAccuracy" || m === "attackSuccessRate" ? "points" : "value"}
            points={result.settings.map((s) => {
              const scale = (v: number) => (m === "cleanAccuracy" || m === "attackSuccessRate" ? 100 * v : v);
              return {
                setting: `${s.model} · ${s.attack} · ${s.rate}`,
                difference: scale(s.meanDifference),
                low: scale(s.t.ciLow),
                high: scale(s.t.ciHigh),
                better:
                  s.better === "a" ? `${a} better` : s.better === "b" ? `${b} better` : "no significant difference",
              };
            })}
          />
        </>
      )}
    </section>
  );
}
