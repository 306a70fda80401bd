/**
 * One cell as its page shows it: its labels and status, the fully resolved configuration, every
 * metric, the provenance (git, versions, backend, host, worker, seed, times, peak RSS), the
 * experiments that declare it, and the artifact chain it was built from, dependencies first, each
 * artifact with what the store knows of it (a trained model's per-epoch training history among it).
 */
import { eq, inArray } from "drizzle-orm";
import type { Store } from "../open-store.js";
import { artifacts, cells, experimentCells, experiments, metrics } from "../schema.js";
import type { CellLabels } from "./experiment-detail.js";

export interface ChainArtifact {
  key: string;
  /** Absent when the chain names a step the store keeps no file of (it is rebuilt when needed). */
  kind?: string;
  bytes?: number;
  sha256?: string;
  createdAt?: Date;
  meta?: Record<string, unknown>;
}

export interface EpochPoint {
  epoch: number;
  loss: number;
  lr?: number;
  accuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
}

export interface CellDetail extends CellLabels {
  status: string;
  attempts: number;
  config: unknown;
  provenance: Record<string, unknown> | null;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  wallMs: number | null;
  experiments: string[];
  metrics: { name: string; value: number | null; specVersion: string }[];
  chain: ChainArtifact[];
  /** The training curve of the model the cell evaluates (the last trained model in its chain). */
  history?: EpochPoint[];
}

/** undefined when the store has no cell with that identity. */
export function cellDetail(store: Store, identity: string): CellDetail | undefined {
  const cell = store.db.select().from(cells).where(eq(cells.identity, identity)).get();
  if (!cell) return undefined;
  const chainKeys = JSON.parse(cell.chain) as string[];
  const kept = new Map(
    (chainKeys.length > 0 ? store.db.select().from(artifacts).where(inArray(artifacts.key, chainKeys)).all() : []).map(
      (a) => [a.key, a],
    ),
  );
  const chain: ChainArtifact[] = chainKeys.map((key) => {
    const a = kept.get(key);
    if (!a) return { key };
    return {
      key,
      kind: a.kind,
      bytes: a.bytes,
      sha256: a.sha256,
      createdAt: a.createdAt,
      ...(a.meta ? { meta: JSON.parse(a.meta) as Record<string, unknown> } : {}),
    };
  });
  const lastModel = [...chain].reverse().find((a) => a.kind === "trained-model" && Array.isArray(a.meta?.history));
  return {
    identity: cell.identity,
    dataset: cell.dataset,
    model: cell.model,
    attack: cell.attack,
    rate: cell.rate,
    defense: cell.defense,
    seed: cell.seed,
    status: cell.status,
    attempts: cell.attempts,
    config: JSON.parse(cell.config) as unknown,
    provenance: cell.provenance ? (JSON.parse(cell.provenance) as Record<string, unknown>) : null,
    error: cell.error,
    startedAt: cell.startedAt,
    finishedAt: cell.finishedAt,
    wallMs: cell.wallMs,
    experiments: store.db
      .select({ name: experiments.name })
      .from(experimentCells)
      .innerJoin(experiments, eq(experiments.id, experimentCells.experimentId))
      .where(eq(experimentCells.identity, identity))
      .all()
      .map((e) => e.name)
      .sort(),
    metrics: store.db
      .select({ name: metrics.name, value: metrics.value, specVersion: metrics.specVersion })
      .from(metrics)
      .where(eq(metrics.identity, identity))
      .all()
      .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true })),
    chain,
    ...(lastModel ? { history: lastModel.meta?.history as EpochPoint[] } : {}),
  };
}

/** Identities of every cell in the store, for publishing a page per cell. */
export function cellIdentities(store: Store): string[] {
  return store.db
    .select({ identity: cells.identity })
    .from(cells)
    .all()
    .map((c) => c.identity);
}
