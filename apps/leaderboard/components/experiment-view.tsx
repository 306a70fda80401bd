/**
 * One experiment's page: progress (cell counts by status; a running experiment's show on reload),
 * the grid as heatmaps, the cells that failed with their errors and those running now, a page of
 * its cells, its reproduction checks when it is a reproduction, and the experiment file as run.
 */
import { utc } from "../lib/display";
import { CELLS_PER_PAGE, type ExperimentData } from "../lib/experiment-data";
import { href, paths } from "../lib/site-paths";
import { CellTable } from "./cell-table";
import { ExperimentHeatmap } from "./experiment-heatmap";
import { ReproductionsView } from "./reproductions-view";

export function ExperimentView({ data, page }: { data: ExperimentData; page: number }) {
  const { detail } = data;
  const { counts } = detail;
  const done = counts.total === 0 ? 0 : (100 * (counts.finished + counts.failed)) / counts.total;
  return (
    <>
      <h1>{detail.name}</h1>
      <p className="note">
        Created {utc(detail.createdAt)}, last run {utc(detail.updatedAt)}.{" "}
        <a href={paths.leaderboard(undefined, { experiment: detail.name })}>Its leaderboard</a>.
      </p>
      <div className="cards" data-testid="status-counts">
        {(["finished", "failed", "running", "planned"] as const).map((s) => (
          <div key={s} className="card">
            <span className="note">{s}</span>
            <strong className={s === "failed" && counts.failed > 0 ? "fail" : ""}>{counts[s]}</strong>
          </div>
        ))}
        <div className="card">
          <span className="note">done</span>
          <strong>{done.toFixed(0)}%</strong>
          <progress value={counts.finished + counts.failed} max={counts.total} />
        </div>
      </div>
      {counts.running + counts.planned > 0 && (
        <p className="note">
          {counts.running + counts.planned} cells are not finished: reload to see progress, or resume with{" "}
          <code>hemlock run FILE</code>.
        </p>
      )}
      <h2>The grid</h2>
      <ExperimentHeatmap rows={data.heatmap} metrics={data.heatmapMetrics} initial={data.defaultMetric} />
      {detail.failed.length > 0 && (
        <>
          <h2 className="fail">Failed cells ({detail.failed.length})</h2>
          <div className="scroll">
            <table data-testid="failed-cells">
              <thead>
                <tr>
                  <th>cell</th>
                  <th>setting</th>
                  <th className="num">attempts</th>
                  <th>error</th>
                </tr>
              </thead>
              <tbody>
                {detail.failed.map((c) => (
                  <tr key={c.identity}>
                    <td>
                      <a href={paths.cell(c.identity)}>
                        <code>{c.identity.slice(0, 10)}</code>
                      </a>
                    </td>
                    <td>
                      {c.dataset} · {c.model} · {c.attack}@{c.rate} · {c.defense} · seed {c.seed}
                    </td>
                    <td className="num">{c.attempts}</td>
                    <td className="wrap">{c.error}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="note">
            Rerun them with <code>hemlock run FILE --rerun failed</code>.
          </p>
        </>
      )}
      {detail.running.length > 0 && (
        <>
          <h2>Running now ({detail.running.length})</h2>
          <ul>
            {detail.running.map((c) => (
              <li key={c.identity}>
                <a href={paths.cell(c.identity)}>{c.identity.slice(0, 10)}</a> {c.attack}@{c.rate} {c.defense} seed{" "}
                {c.seed} on {c.runner ?? "?"}, last heartbeat {utc(c.heartbeatAt)}
              </li>
            ))}
          </ul>
        </>
      )}
      {data.reproduction && (
        <>
          <h2>Reproduction checks</h2>
          <ReproductionsView targets={[data.reproduction]} summary={false} />
        </>
      )}
      <h2>Cells</h2>
      <CellPages name={detail.name} total={data.totalCells} page={page} />
      <CellTable cells={data.cells} />
      <h2>The experiment file</h2>
      <pre data-testid="spec-text">{detail.specText}</pre>
    </>
  );
}

/** How many cells there are, and links to each page of them. */
export function CellPages({ name, total, page }: { name: string; total: number; page: number }) {
  const pages = Math.max(1, Math.ceil(total / CELLS_PER_PAGE));
  const cellsPage = (p: number) =>
    p === 1 ? paths.experiment(name) : href(`/experiments/${encodeURIComponent(name)}/cells/${p}`);
  return (
    <>
      <p className="note">
        {total} cells{pages > 1 ? `, ${CELLS_PER_PAGE} a page; page ${page} of ${pages}` : ""}.
      </p>
      {pages > 1 && (
        <p className="note">
          Pages:{" "}
          {Array.from({ length: pages }, (_, i) => i + 1).map((p) => (
            <span key={p}>{p === page ? <strong>{p}</strong> : <a href={cellsPage(p)}>{p}</a>} </span>
          ))}
        </p>
      )}
    </>
  );
}
