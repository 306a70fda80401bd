/**
 * The artifact nodes one group of cells needs: its cells' chains and everything they are built
 * from. A job carries only these, not the plan's whole graph, because a job is copied to the
 * worker that runs it (structured clone, or JSON to a remote worker): with the whole graph, a
 * 2,000-cell grid spent most of its orchestration time copying nodes no cell of the group reads.
 */
import type { GroupCell, GroupJob } from "../worker/run-poison-group.js";

export function groupNodes(cells: GroupCell[], all: GroupJob["nodes"]): GroupJob["nodes"] {
  const out: GroupJob["nodes"] = {};
  const visit = (key: string) => {
    if (key in out) return;
    const node = all[key];
    if (node === undefined) throw new Error(`artifact ${key} is not in the plan (a cell's chain names it)`);
    out[key] = node;
    for (const input of node.inputs) visit(input);
  };
  for (const cell of cells) for (const key of cell.chain) visit(key);
  return out;
}
