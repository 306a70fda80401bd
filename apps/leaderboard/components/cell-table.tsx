"use client";
/**
 * A page of an experiment's cells in grid order: labels, status and the two headline metrics.
 * The URL's dataset, model, attack, rate, defense, seed and status narrow it (a reproduction
 * check links to its setting's cells this way).
 */
import type { CellLabels } from "@hemlock/store";
import { value } from "../lib/display";
import { paths } from "../lib/site-paths";
import { useUrlState } from "../lib/url-state";

const FILTERS = ["dataset", "model", "attack", "rate", "defense", "seed", "status"] as const;

export type CellListRow = CellLabels & {
  status: string;
  cleanAccuracy: number | null;
  attackSuccessRate: number | null;
};

export function CellTable({ cells: all }: { cells: CellListRow[] }) {
  const [state, update] = useUrlState();
  const active = FILTERS.filter((f) => state[f]);
  const cells = all.filter((c) => active.every((f) => String(c[f]) === state[f]));
  return (
    <div className="scroll">
      {active.length > 0 && (
        <p className="note" data-testid="cell-filter">
          {cells.length} of {all.length} cells on this page match {active.map((f) => `${f} ${state[f]}`).join(", ")}.{" "}
          <button type="button" onClick={() => update(Object.fromEntries(active.map((f) => [f, ""])))}>
            show all
          </button>
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>cell</th>
            <th>dataset</th>
            <th>model</th>
            <th>attack</th>
            <th className="num">rate</th>
            <th>defense</th>
            <th className="num">seed</th>
            <th>status</th>
            <th className="num">clean accuracy (%)</th>
            <th className="num">ASR (%)</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.identity}>
              <td>
                <a href={paths.cell(c.identity)}>
                  <code>{c.identity.slice(0, 10)}</code>
                </a>
              </td>
              <td>{c.dataset}</td>
              <td>{c.model}</td>
              <td>{c.attack}</td>
              <td className="num">{c.rate}</td>
              <td>{c.defense}</td>
              <td className="num">{c.seed}</td>
              <td className={c.status === "failed" ? "fail" : ""}>{c.status}</td>
              <td className="num">{value("cleanAccuracy", c.cleanAccuracy)}</td>
              <td className="num">{value("attackSuccessRate", c.attackSuccessRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
