/** The experiments in the results store, each linking to its leaderboard. */
import type { ExperimentSummary } from "@hemlock/store";
import { StoreProblemView } from "../components/store-problem-view";
import { experiments } from "../lib/experiment-boards";
import { isStoreProblem, readStore, storePath } from "../lib/results-store";

// Results change while experiments run: read the store on every request.
export const dynamic = "force-dynamic";

export default async function ExperimentsPage() {
  const rows = await readStore(experiments);
  return (
    <>
      <h1>Experiments</h1>
      <p>
        Store <code>{storePath()}</code>.
      </p>
      {isStoreProblem(rows) ? <StoreProblemView {...rows} /> : <ExperimentTable rows={rows} />}
    </>
  );
}

function ExperimentTable({ rows }: { rows: ExperimentSummary[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>experiment</th>
          <th>cells</th>
          <th>finished</th>
          <th>failed</th>
          <th>pending</th>
          <th>updated</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <td>
              <a href={`/experiments/${encodeURIComponent(r.name)}`}>{r.name}</a>
            </td>
            <td className="num">{r.cells}</td>
            <td className="num">{r.finished}</td>
            <td className="num">{r.failed}</td>
            <td className="num">{r.pending}</td>
            <td>{r.updatedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
