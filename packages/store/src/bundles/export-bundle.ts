/**
 * `hemlock bundle export`: one experiment's finished and failed cells, with metrics, provenance and
 * checksums, as a bundle (bundle-format.ts). Planned and running cells have no results to share
 * and are left out (counted in the report).
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { Store } from "../database/open-store.js";
import { cells, experimentCells, experiments, metrics } from "../database/schema.js";
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type BundledCell,
  bundleChecksums,
  cellChecksum,
} from "./bundle-format.js";

export interface ExportedBundle {
  bundle: Bundle;
  /** Cells of the experiment not exported because they have no result yet. */
  unfinished: number;
}

/** The experiment's bundle, or undefined when no experiment has that name. */
export function exportBundle(store: Store, name: string, now = new Date()): ExportedBundle | undefined {
  const experiment = store.db.select().from(experiments).where(eq(experiments.name, name)).get();
  if (!experiment) return undefined;
  const rows = store.db
    .select({ cell: cells })
    .from(experimentCells)
    .innerJoin(cells, eq(cells.identity, experimentCells.identity))
    .where(eq(experimentCells.experimentId, experiment.id))
    .orderBy(asc(experimentCells.position))
    .all()
    .map((r) => r.cell);
  const done = rows.filter((c) => c.status === "finished" || c.status === "failed");
  const metricRows = new Map<string, BundledCell["metrics"]>();
  for (let i = 0; i < done.length; i += 500)
    for (const m of store.db
      .select()
      .from(metrics)
      .where(
        inArray(
          metrics.identity,
          done.slice(i, i + 500).map((c) => c.identity),
        ),
      )
      .orderBy(asc(metrics.identity), asc(metrics.name))
      .all())
      metricRows.set(m.identity, [
        ...(metricRows.get(m.identity) ?? []),
        { name: m.name, value: m.value, specVersion: m.specVersion },
      ]);
  const bundled = done.map((c) => bundledCell(c, metricRows.get(c.identity) ?? []));
  const spec = { name: experiment.name, specText: experiment.specText, specHash: experiment.specHash };
  return {
    bundle: {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      exportedAt: now.toISOString(),
      experiment: spec,
      cells: bundled,
      checksums: bundleChecksums(spec, bundled),
    },
    unfinished: rows.length - done.length,
  };
}

/** A stored cell and its metrics as a bundle entry, with its checksum. */
export function bundledCell(c: typeof cells.$inferSelect, cellMetrics: BundledCell["metrics"]): BundledCell {
  const content = {
    identity: c.identity,
    config: c.config as unknown,
    dataset: c.dataset,
    model: c.model,
    attack: c.attack,
    rate: c.rate,
    defense: c.defense,
    seed: c.seed,
    setting: c.setting,
    comparison: c.comparison,
    chain: c.chain,
    status: c.status as "finished" | "failed",
    attempts: c.attempts,
    provenance: (c.provenance ?? null) as unknown,
    error: c.error,
    stack: c.stack,
    startedAt: c.startedAt?.getTime() ?? null,
    finishedAt: c.finishedAt?.getTime() ?? null,
    wallMs: c.wallMs,
    metrics: cellMetrics,
  };
  return { ...content, sha256: cellChecksum(content) };
}
