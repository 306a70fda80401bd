/** The experiments in the results store with their cell counts, each linking to its page. */
import type { ExperimentSummary } from "@hemlock/store";
import type { Metadata } from "next";
import { StoreProblemView } from "../../components/store-problem-view";
import { utc } from "../../lib/display";
import { hemlockStore } from "../../lib/hemlock-store";
import { isStoreProblem, readStore, storePath } from "../../lib/results-store";
import { paths } from "../../lib/site-paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Experiments" };

export default async function ExperimentsPage() {
  const h = await hemlockStore();
  const rows = await readStore((store) => h.listExperiments(store));
  return (
    <>
      <h1>Experiments</h1>
      <p className="note">
        Store <code>{storePath()}</code>.
      </p>
      {isStoreProblem(rows) ? (
        <StoreProblemView {...rows} />
      ) : rows.length === 0 ? (
        <p role="alert">
          The store has no experiments yet. Run one: <code>hemlock run experiments/quickstart.yaml</code>.
        </p>
      ) : (
        <ExperimentTable rows={rows} />
      )}
    </>
  );
}

function ExperimentTable({ rows }: { rows: ExperimentSummary[] }) {
  return (
    <div className="scroll">
      <table>
        <thead>
          <tr>
            <th>experiment</th>
            <th className="num">cells</th>
            <th className="num">finished</th>
            <th className="num">failed</th>
            <th className="num">pending</th>
            <th>updated</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>
                <a href={paths.experiment(r.name)}>{r.name}</a>
              </td>
              <td className="num">{r.cells}</td>
              <td className="num">{r.finished}</td>
              <td className={`num${r.failed > 0 ? " fail" : ""}`}>{r.failed}</td>
              <td className="num">{r.pending}</td>
              <td>{utc(r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
