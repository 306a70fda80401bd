/**
 * One experiment's leaderboard: a table per setting with the defenses in rank order (ranks shared
 * where 95% intervals overlap), mean ± CI half-width over seeds, n, and the difference from the
 * best with its Holm-adjusted paired-test p; a significant gap is marked.
 */
import type { ExperimentBoard } from "../lib/experiment-boards";

export function BoardView({ board }: { board: ExperimentBoard }) {
  return (
    <>
      <form method="get">
        <label>
          metric{" "}
          <select name="metric" defaultValue={board.metric}>
            {board.metrics.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">show</button>
      </form>
      <p>
        {board.metricTitle}, {board.higherIsBetter ? "higher" : "lower"} is better; mean ± 95% CI half-width over seeds.
      </p>
      {board.settings.length === 0 && <p>No finished cells record this metric.</p>}
      {board.settings.map((s) => (
        <section key={s.title}>
          <h3>{s.title}</h3>
          <table>
            <thead>
              <tr>
                <th>rank</th>
                <th>defense</th>
                <th>{board.metricTitle}</th>
                <th>n</th>
                <th>vs best (Holm p)</th>
              </tr>
            </thead>
            <tbody>
              {s.rows.map((r) => (
                <tr key={r.defense}>
                  <td className="num">{r.rank}</td>
                  <td>{r.defense}</td>
                  <td className="num">{r.value}</td>
                  <td className="num">{r.n}</td>
                  <td className={r.significant ? "fail" : ""}>{r.versusBest}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
