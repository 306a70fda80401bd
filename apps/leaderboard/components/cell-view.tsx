/**
 * One cell: its labels and status, every metric, the provenance (git, versions, backend, host,
 * worker, seed, times, peak RSS), the training curve of the model it evaluates, the artifact chain
 * it was built from, and its fully resolved configuration. Rendered on the server for a served
 * cell page, and in the browser from a shard of cells on a published site.
 */
import type { CellDetail } from "@hemlock/store";
import { seconds, utc, value } from "../lib/display";
import { paths } from "../lib/site-paths";
import { ExperimentLinks } from "./experiment-links";
import { TrainingCurve } from "./training-curve";

export function CellView({ cell }: { cell: CellDetail }) {
  const p = cell.provenance ?? {};
  const backend = p.backend as { name?: string; tfjsVersion?: string; hemlockKernels?: string[] } | string | undefined;
  return (
    <>
      <h1>
        Cell <code>{cell.identity.slice(0, 12)}</code>
      </h1>
      <p>
        {cell.dataset} · {cell.model} · <a href={paths.attack(cell.attack)}>{cell.attack}</a> at rate {cell.rate} ·{" "}
        <a href={paths.defense(cell.defense)}>{cell.defense}</a> · seed {cell.seed} ·{" "}
        <span className={cell.status === "failed" ? "fail" : cell.status === "finished" ? "pass" : ""}>
          {cell.status}
        </span>
        {" · in "}
        <ExperimentLinks names={cell.experiments} />
      </p>
      {cell.error && (
        <pre className="fail" role="alert">
          {cell.error}
        </pre>
      )}
      <h2>Metrics</h2>
      <Metrics cell={cell} />
      <h2>Provenance</h2>
      <dl className="facts" data-testid="provenance">
        <dt>identity</dt>
        <dd>
          <code>{cell.identity}</code>
        </dd>
        <dt>git</dt>
        <dd>
          {String(p.gitSha ?? "n/a")}
          {p.dirty ? " (uncommitted changes)" : ""}
        </dd>
        <dt>Hemlock</dt>
        <dd>{String(p.hemlockVersion ?? "n/a")}</dd>
        <dt>Node</dt>
        <dd>{String(p.node ?? "n/a")}</dd>
        <dt>backend</dt>
        <dd>
          {typeof backend === "string"
            ? backend
            : backend
              ? `${backend.name} (tfjs ${backend.tfjsVersion}${backend.hemlockKernels?.length ? `; Hemlock kernels: ${backend.hemlockKernels.join(", ")}` : ""})`
              : "n/a"}
        </dd>
        <dt>host</dt>
        <dd>{String(p.host ?? "n/a")}</dd>
        <dt>worker</dt>
        <dd>
          {String(p.runner ?? "n/a")}
          {p.worker !== undefined ? `, thread ${String(p.worker)}` : ""}
          {p.executor ? `, ${String(p.executor)} ${String(p.workerProcess ?? "")}` : ""}
        </dd>
        <dt>seed</dt>
        <dd>{String(p.seed ?? cell.seed)}</dd>
        <dt>started</dt>
        <dd>{utc(cell.startedAt)}</dd>
        <dt>finished</dt>
        <dd>{utc(cell.finishedAt)}</dd>
        <dt>wall time</dt>
        <dd>{seconds(cell.wallMs)}</dd>
        <dt>peak RSS</dt>
        <dd>{typeof p.peakRssKb === "number" ? `${(p.peakRssKb / 1024).toFixed(0)} MB` : "n/a"}</dd>
        <dt>models trained</dt>
        <dd>{String(p.trainings ?? "n/a")}</dd>
        <dt>attempts</dt>
        <dd>{cell.attempts}</dd>
      </dl>
      <h2>Training curve</h2>
      {cell.history && cell.history.length > 0 ? (
        <TrainingCurve history={cell.history} title={`${cell.model}, seed ${cell.seed}`} />
      ) : (
        <p className="note">
          No per-epoch history: the model fits itself in closed form (no epochs), or the cell was run before Hemlock
          kept training histories.
        </p>
      )}
      <h2>Artifact chain</h2>
      <ol data-testid="chain">
        {cell.chain.map((a) => (
          <li key={a.key}>
            <code>{a.key.slice(0, 12)}</code> {a.kind ?? "not kept (rebuilt when needed)"}
            {a.bytes !== undefined ? `, ${(a.bytes / 1024).toFixed(1)} KiB, sha256 ${a.sha256?.slice(0, 12)}…` : ""}
            {a.createdAt ? `, made ${utc(a.createdAt)}` : ""}
          </li>
        ))}
      </ol>
      <h2>Configuration</h2>
      <pre data-testid="config">{JSON.stringify(cell.config, null, 2)}</pre>
    </>
  );
}

function Metrics({ cell }: { cell: CellDetail }) {
  return (
    <div className="scroll">
      <table data-testid="cell-metrics">
        <thead>
          <tr>
            <th>metric</th>
            <th className="num">value</th>
            <th>spec</th>
          </tr>
        </thead>
        <tbody>
          {cell.metrics.map((m) => (
            <tr key={m.name}>
              <td>
                <a href={paths.leaderboard(m.name)}>{m.name}</a>
              </td>
              <td className="num">
                {m.value === null ? (
                  <span className="na" title="undefined for this cell (for example 0/0)">
                    n/a
                  </span>
                ) : (
                  value(m.name, m.value)
                )}
              </td>
              <td>{m.specVersion}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
