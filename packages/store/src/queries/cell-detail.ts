/**
 * One cell as its page shows it: its labels and status, the fully resolved configuration, every
 * metric, the provenance (git, versions, backend, host, worker, seed, times, peak RSS), the
 * experiments that declare it, and the artifact chain it was built from, dependencies first, each
 * artifact with what the store knows of it (a trained model's per-epoch training history among it).
 */
import { and, count, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Store } from "../database/open-store.js";
import { artifacts, cells, experimentCells, experiments, metrics } from "../database/schema.js";
import type { CellLabels } from "./experiment-detail.js";
import { groupBy } from "./group-by.js";

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
  return details(store, store.db.select().from(cells).where(eq(cells.identity, identity)).all())[0];
}

/**
 * Every cell whose identity starts with a prefix (identities are lowercase hex), in identity
 * order: one shard of a published site's cells, read with a handful of range queries.
 */
export function cellDetails(store: Store, prefix: string): CellDetail[] {
  const range = (column: IdentityColumn) => and(gte(column, prefix), lt(column, `${prefix}~`));
  const rows = store.db.select().from(cells).where(range(cells.identity)).orderBy(cells.identity).all();
  return details(store, rows, range);
}

/** How many cells the store holds. */
export function cellCount(store: Store): number {
  return store.db.select({ n: count() }).from(cells).get()?.n ?? 0;
}

/** The distinct identity prefixes of a length: the shards a published site's cells are in. */
export function cellPrefixes(store: Store, length: number): string[] {
  const prefix = sql<string>`substr(${cells.identity}, 1, ${length})`;
  return store.db
    .selectDistinct({ prefix })
    .from(cells)
    .orderBy(prefix)
    .all()
    .map((r) => r.prefix);
}

type CellRow = typeof cells.$inferSelect;
/** An identity column of any of the tables keyed by cell. */
type IdentityColumn = typeof cells.identity | typeof metrics.identity | typeof experimentCells.identity;
type Range = (column: IdentityColumn) => SQL | undefined;

/** The details of some cells: their metrics, experiments and chain artifacts in one query each. */
function details(store: Store, rows: CellRow[], range?: Range): CellDetail[] {
  if (rows.length === 0) return [];
  const identities = rows.map((r) => r.identity);
  // One cell is looked up by identity; a shard by its identity range (no list of parameters).
  const which = (column: IdentityColumn) => (range ? range(column) : inArray(column, identities));
  const metricsOf = groupBy(
    store.db
      .select({
        identity: metrics.identity,
        name: metrics.name,
        value: metrics.value,
        specVersion: metrics.specVersion,
      })
      .from(metrics)
      .where(which(metrics.identity))
      .all(),
    (m) => m.identity,
  );
  const experimentsOf = groupBy(
    store.db
      .select({ identity: experimentCells.identity, name: experiments.name })
      .from(experimentCells)
      .innerJoin(experiments, eq(experiments.id, experimentCells.experimentId))
      .where(which(experimentCells.identity))
      .all(),
    (e) => e.identity,
  );
  const chains = new Map(rows.map((r) => [r.identity, r.chain]));
  const keys = [...new Set([...chains.values()].flat())];
  const kept = new Map<string, typeof artifacts.$inferSelect>();
  for (let i = 0; i < keys.length; i += 500)
    for (const a of store.db
      .select()
      .from(artifacts)
      .where(inArray(artifacts.key, keys.slice(i, i + 500)))
      .all())
      kept.set(a.key, a);
  const artifactOf = (key: string): ChainArtifact => {
    const a = kept.get(key);
    if (!a) return { key };
    return {
      key,
      kind: a.kind,
      bytes: a.bytes,
      sha256: a.sha256,
      createdAt: a.createdAt,
      ...(a.meta ? { meta: a.meta } : {}),
    };
  };
  return rows.map((cell) => {
    const chain = (chains.get(cell.identity) ?? []).map(artifactOf);
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
      config: cell.config as unknown,
      provenance: cell.provenance ?? null,
      error: cell.error,
      startedAt: cell.startedAt,
      finishedAt: cell.finishedAt,
      wallMs: cell.wallMs,
      experiments: (experimentsOf.get(cell.identity) ?? []).map((e) => e.name).sort(),
      metrics: (metricsOf.get(cell.identity) ?? [])
        .map(({ name, value, specVersion }) => ({ name, value, specVersion }))
        .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true })),
      chain,
      ...(lastModel ? { history: lastModel.meta?.history as EpochPoint[] } : {}),
    };
  });
}
