"use client";
/**
 * A comparison of two defenses (or two attacks), in the browser: per metric, the wins, ties and losses over every
 * shared setting and the signed-rank test over them, a summary per dataset and model, and for the
 * dataset and model in the URL (?dataset=&model=; the first by default) the per-setting table and
 * the chart of the paired differences. The server renders the URL's own view; a published page
 * reads its query once in the browser.
 */
import { formatP, formatValue, metricTitle } from "@hemlock/store/portable";
import { useMemo } from "react";
import type { CompareData, ComparedSetting, MetricComparison } from "../lib/compare-data";
import { pText } from "../lib/display";
import { unpackRecords } from "../lib/packed-records";
import type { UrlState } from "../lib/query-state";
import { useUrlState } from "../lib/url-state";
import { DifferencePlot } from "./difference-plot";

export function CompareView({
  a,
  b,
  results,
  initialState,
}: {
  a: string;
  b: string;
  results: CompareData;
  initialState: UrlState;
}) {
  const [state] = useUrlState(initialState);
  const shared = results.axis === "defense" ? "attack" : "defense";
  return (
    <>
      {results.metrics.map((r) =>
        "problem" in r ? (
          <p key={r.metric} className="fail" role="alert">
            {metricTitle(r.metric)}: {r.problem}
          </p>
        ) : (
          <Comparison key={r.metric} a={a} b={b} result={r} state={state} shared={shared} />
        ),
      )}
    </>
  );
}

function Comparison({
  a,
  b,
  result,
  state,
  shared,
}: {
  a: string;
  b: string;
  result: Extract<MetricComparison, { pairs: unknown }>;
  state: UrlState;
  /** The other axis' name, the settings' label column: "attack" or "defense". */
  shared: string;
}) {
  const m = result.metric;
  const { wins, pairs } = result;
  const all = useMemo(() => unpackRecords<ComparedSetting>(result.settings), [result.settings]);
  const focus = pairs.find((p) => p.dataset === state.dataset && p.model === state.model) ?? pairs[0];
  const settings = all.filter((s) => s.dataset === focus?.dataset && s.model === focus?.model);
  const points = m === "cleanAccuracy" || m === "attackSuccessRate" ? 100 : 1;
  // Of two attacks, the one with the lower ASR is the weaker, not the better: say what it is.
  const better = shared === "attack" ? "better" : result.higherIsBetter ? "higher" : "lower";
  return (
    <section data-metric={m}>
      <h2>
        {metricTitle(m)}, {result.higherIsBetter ? "higher" : "lower"} is better
      </h2>
      {all.length === 0 ? (
        <p>These two share no setting with two or more common seeds.</p>
      ) : (
        <>
          <p data-testid={`wins-${m}`}>
            <strong>{a}</strong> {better} in {wins.a}, <strong>{b}</strong> {better} in {wins.b}, no significant
            difference in {wins.ties}
            {result.overall
              ? `; over settings, Wilcoxon signed-rank V = ${result.overall.statistic}, ${pText(result.overall.p)} (n = ${result.overall.n})`
              : ""}
            .
          </p>
          {pairs.length > 1 && (
            <div className="scroll">
              <table data-testid={`compare-pairs-${m}`}>
                <thead>
                  <tr>
                    <th>dataset</th>
                    <th>model</th>
                    <th className="num">{a} better</th>
                    <th className="num">{b} better</th>
                    <th className="num">no difference</th>
                  </tr>
                </thead>
                <tbody>
                  {pairs.map((p) => (
                    <tr key={`${p.dataset}/${p.model}`} aria-current={p === focus ? "true" : undefined}>
                      <td>
                        {p === focus ? (
                          <strong>{p.dataset}</strong>
                        ) : (
                          // A query on this same page, served or published.
                          <a href={`?${new URLSearchParams({ dataset: p.dataset, model: p.model })}`}>{p.dataset}</a>
                        )}
                      </td>
                      <td>{p.model}</td>
                      <td className="num">{p.a}</td>
                      <td className="num">{p.b}</td>
                      <td className="num">{p.ties}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>
            {focus?.dataset} · {focus?.model}: each setting
          </h3>
          <div className="scroll">
            <table data-testid={`compare-${m}`}>
              <thead>
                <tr>
                  <th>dataset</th>
                  <th>model</th>
                  <th>{shared}</th>
                  <th className="num">rate</th>
                  <th className="num">n</th>
                  <th className="num">A</th>
                  <th className="num">B</th>
                  <th className="num">A − B [95% CI]</th>
                  <th className="num">t p</th>
                  <th className="num">Wilcoxon p</th>
                  <th className="num">p (Holm)</th>
                  <th>{better}</th>
                </tr>
              </thead>
              <tbody>
                {settings.map((s) => (
                  <tr key={`${s.shared}/${s.rate}`}>
                    <td>{s.dataset}</td>
                    <td>{s.model}</td>
                    <td>{s.shared}</td>
                    <td className="num">{s.rate}</td>
                    <td className="num">{s.n}</td>
                    <td className="num">{formatValue(m, s.meanA)}</td>
                    <td className="num">{formatValue(m, s.meanB)}</td>
                    <td className="num">
                      {formatValue(m, s.meanDifference)} [{formatValue(m, s.ciLow)}, {formatValue(m, s.ciHigh)}]
                    </td>
                    <td className="num">{formatP(s.tP)}</td>
                    <td className="num">{formatP(s.wilcoxonP)}</td>
                    <td className="num">{formatP(s.pAdjusted)}</td>
                    <td className={s.better === "" ? "" : "pass"}>{s.better || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <DifferencePlot
            title={`${metricTitle(m)}: ${a} − ${b}, ${focus?.dataset} · ${focus?.model}`}
            unit={points === 100 ? "points" : "value"}
            points={settings.map((s) => ({
              setting: `${s.model} · ${s.shared} · ${s.rate}`,
              difference: points * s.meanDifference,
              low: points * s.ciLow,
              high: points * s.ciHigh,
              better: s.better === "" ? "no significant difference" : `${s.better} better`,
            }))}
          />
        </>
      )}
    </section>
  );
}
