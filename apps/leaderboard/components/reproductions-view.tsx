/**
 * The reproductions page's body: a summary of every target (checks passing, run time), then per
 * target the paper, the setting, each published number against the measurement with pass or fail,
 * the differences from the paper's setting and what was found. A failing target stays visibly failing.
 */
import type { ReproductionTarget } from "@hemlock/store/reports";
import { utc } from "../lib/display";
import { paths } from "../lib/site-paths";

export function ReproductionsView({ targets, summary = true }: { targets: ReproductionTarget[]; summary?: boolean }) {
  if (targets.length === 0)
    return (
      <p>
        No reproduction checks in this store yet. Run <code>hemlock repro --all</code>.
      </p>
    );
  return (
    <>
      {summary && (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th>target</th>
                <th>checks</th>
                <th>run time</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((t) => (
                <tr key={t.experiment}>
                  <td>
                    <a href={`#${t.experiment}`}>{t.citation ?? t.experiment}</a>
                  </td>
                  <td className={t.passed === t.checks.length ? "pass" : "fail"}>
                    {t.passed} of {t.checks.length} pass{t.passed < t.checks.length ? " (failing)" : ""}
                  </td>
                  <td>{t.run ? `${t.run.record.seconds.toFixed(0)} s` : "not run here"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {targets.map((t) => (
        <section key={t.experiment} id={t.experiment}>
          <h2>{t.paper ? `${t.citation}: ${t.paper.title}` : t.experiment}</h2>
          {t.paper && (
            <p>
              {t.paper.authors.join(", ")}. <em>{t.paper.title}</em>. {t.paper.venue}, {t.paper.year}
              {t.paper.arxiv && (
                <>
                  {" "}
                  (<a href={`https://arxiv.org/abs/${t.paper.arxiv}`}>arXiv:{t.paper.arxiv}</a>)
                </>
              )}
              .
            </p>
          )}
          <p>
            Experiment <a href={paths.experiment(t.experiment)}>{t.experiment}</a>. {t.description}
          </p>
          {t.run && (
            <p>
              Run: {t.run.record.seconds.toFixed(1)} s for {t.run.record.cells} cells ({t.run.record.alreadyDone}{" "}
              already in the store), backend {t.run.record.backend}, {t.run.record.threads} workers, {utc(t.run.at)}.
              Checked {utc(t.checkedAt)}.
            </p>
          )}
          <div className="scroll">
            <table>
              <thead>
                <tr>
                  <th>check</th>
                  <th>cells</th>
                  <th>published</th>
                  <th>measured [95% CI]</th>
                  <th>tolerance</th>
                  <th>result</th>
                  <th>source</th>
                </tr>
              </thead>
              <tbody>
                {t.checks.map((c, i) => (
                  // Checks have no identity beyond their order in the file.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <tr key={i}>
                    <td>{c.metric}</td>
                    <td>
                      {c.setting ? (
                        <a
                          href={paths.experiment(t.experiment, {
                            attack: c.setting.attack,
                            rate: String(c.setting.rate),
                            defense: c.setting.defense,
                          })}
                        >
                          {c.cells}
                        </a>
                      ) : (
                        c.cells
                      )}
                    </td>
                    <td className="num">{c.published}</td>
                    <td className="num">{c.measured}</td>
                    <td>{c.tolerance}</td>
                    <td className={c.passed ? "pass" : "fail"}>{c.passed ? "PASS" : "FAIL"}</td>
                    <td>{c.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {t.differences.length > 0 && (
            <>
              <h3>Differences from the paper's setting</h3>
              <ul>
                {t.differences.map((d) => (
                  <li key={d.what}>
                    {d.what} <em>Likely effect:</em> {d.effect}
                  </li>
                ))}
              </ul>
            </>
          )}
          {t.findings && (
            <>
              <h3>Findings</h3>
              <p>{t.findings}</p>
            </>
          )}
        </section>
      ))}
    </>
  );
}
