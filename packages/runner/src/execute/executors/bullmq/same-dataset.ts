/**
 * Whether a worker loaded the same dataset files as the run that planned a group. The files'
 * sha256 sums are part of every cell's identity (the poisoned-data node at the root of each chain
 * names them), so a worker with other files (another release of a dataset, a corrupted copy)
 * would record results under identities that do not describe them. It refuses instead.
 */
import { type DatasetSplits, HemlockError } from "@hemlock/core";
import type { GroupJob } from "../../worker/run-poison-group.js";

export function assertSameDataset(
  group: Pick<GroupJob, "cells" | "nodes">,
  splits: DatasetSplits,
  worker: string,
): void {
  const first = group.cells[0];
  if (first === undefined) return;
  const planned = group.nodes[first.chain[0] as string]?.spec.checksums;
  if (!Array.isArray(planned)) return;
  const loaded = splits.train.sources.map((s) => s.sha256).sort();
  if (JSON.stringify(loaded) === JSON.stringify(planned)) return;
  const name = first.config.dataset.name;
  throw new HemlockError(
    "DATA_CORRUPT",
    `worker ${worker} loaded other ${name} files than the run planned with (sha256 ${short(loaded)} here, ${short(planned as string[])} in the plan)`,
    `Give the worker the run's ${name} files (--data-dir or HEMLOCK_DATA_DIR; hemlock data verify ${name} checks them).`,
  );
}

const short = (sums: string[]) => sums.map((s) => s.slice(0, 12)).join(", ");
