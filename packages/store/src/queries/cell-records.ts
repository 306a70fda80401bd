/**
 * Writing experiments and cells: the runner's side of the store. One process writes (the run's
 * main thread); results come in batches, each in one transaction, so a killed run leaves every
 * finished cell whole and nothing half-written. A cell is claimed atomically (an UPDATE that only
 * succeeds while it is free or its claimant has gone quiet), so two runs on one database never
 * run, or record, the same cell twice.
 */
import { createHash } from "node:crypto";
import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Store } from "../database/open-store.js";
import {
  artifacts,
  type CellStatus,
  cells,
  events,
  experimentCells,
  experiments,
  metrics,
} from "../database/schema.js";

export interface CellRecordInput {
  identity: string;
  config: unknown;
  dataset: string;
  model: string;
  /** "none" for clean cells. */
  attack: string;
  rate: number;
  defense: string;
  seed: number;
  setting: string;
  /** The setting without the defense: the pairing key of defense comparisons. */
  comparison: string;
  /** The artifact keys the cell is built from. */
  chain: string[];
}

export interface ArtifactRecord {
  key: string;
  kind: string;
  /** Relative to the store's artifact directory. */
  path: string;
  bytes: number;
  sha256: string;
  /** What the artifact is, in words and numbers: a trained model's per-epoch history, for one. */
  meta?: Record<string, unknown>;
}

export interface CellResult {
  identity: string;
  /** Artifacts the cell's work wrote, recorded with it. */
  artifacts?: ArtifactRecord[];
  status: "finished" | "failed";
  metrics?: Record<string, number | null>;
  metricSpecVersion?: string;
  provenance: unknown;
  error?: string;
  stack?: string;
  startedAt: Date;
  finishedAt: Date;
}

/** Creates the experiment, or updates its spec; returns its id. */
export function registerExperiment(store: Store, name: string, specText: string): number {
  const now = new Date();
  const specHash = createHash("sha256").update(specText).digest("hex");
  const [row] = store.db
    .insert(experiments)
    .values({ name, specText, specHash, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: experiments.name, set: { specText, specHash, updatedAt: now } })
    .returning({ id: experiments.id })
    .all();
  return (row as { id: number }).id;
}

/** Adds cells not yet known as planned, and links all of them to the experiment. */
export function registerCells(store: Store, experimentId: number, records: CellRecordInput[]): void {
  store.sqlite.transaction(() => {
    records.forEach((r, position) => {
      store.db
        .insert(cells)
        .values({ ...r, config: r.config as Record<string, unknown>, status: "planned" })
        // The chain and comparison key follow from the identity; set them on cells recorded before
        // they were kept. Labels follow the latest experiment that declares the cell.
        .onConflictDoUpdate({
          target: cells.identity,
          set: {
            chain: r.chain,
            comparison: r.comparison,
            dataset: r.dataset,
            model: r.model,
            attack: r.attack,
            defense: r.defense,
          },
        })
        .run();
      store.db
        .insert(experimentCells)
        .values({ experimentId, identity: r.identity, position })
        .onConflictDoUpdate({ target: [experimentCells.experimentId, experimentCells.identity], set: { position } })
        .run();
    });
  })();
}

export function cellStatuses(store: Store, identities: string[]): Map<string, CellStatus> {
  const out = new Map<string, CellStatus>();
  for (let i = 0; i < identities.length; i += 500) {
    const rows = store.db
      .select({ identity: cells.identity, status: cells.status })
      .from(cells)
      .where(inArray(cells.identity, identities.slice(i, i + 500)))
      .all();
    for (const row of rows) out.set(row.identity, row.status);
  }
  return out;
}

/**
 * Claims a cell for a runner: succeeds (true) only if the cell is planned, or failed and
 * `retryFailed`, or running under a claimant whose heartbeat is older than `staleBefore`.
 */
export function claimCell(
  store: Store,
  identity: string,
  runner: string,
  { staleBefore, retryFailed = false }: { staleBefore: Date; retryFailed?: boolean },
): boolean {
  const now = new Date();
  const free = or(
    eq(cells.status, "planned"),
    retryFailed ? eq(cells.status, "failed") : sql`0`,
    and(eq(cells.status, "running"), lt(cells.heartbeatAt, staleBefore)),
  );
  const result = store.db
    .update(cells)
    .set({ status: "running", runner, heartbeatAt: now, startedAt: now, attempts: sql`${cells.attempts} + 1` })
    .where(and(eq(cells.identity, identity), free))
    .run();
  return result.changes === 1;
}

/**
 * Claims several cells for a runner in one transaction (one commit, so one sync to disk rather
 * than one per cell); returns the identities claimed, in the order given. Each cell is claimed as
 * `claimCell` claims it.
 */
export function claimCells(
  store: Store,
  identities: string[],
  runner: string,
  options: { staleBefore: Date; retryFailed?: boolean },
): string[] {
  return store.sqlite.transaction(() => identities.filter((identity) => claimCell(store, identity, runner, options)))();
}

/** Makes cells in the given states planned again (`--rerun failed`, `--rerun all`); returns how many. */
export function resetCells(store: Store, identities: string[], states: CellStatus[]): number {
  let changed = 0;
  store.sqlite.transaction(() => {
    for (let i = 0; i < identities.length; i += 500)
      changed += store.db
        .update(cells)
        .set({ status: "planned", runner: null, heartbeatAt: null })
        .where(and(inArray(cells.identity, identities.slice(i, i + 500)), inArray(cells.status, states)))
        .run().changes;
  })();
  return changed;
}

/** Marks that a runner's cells are still being worked on. */
export function heartbeat(store: Store, runner: string): void {
  store.db
    .update(cells)
    .set({ heartbeatAt: new Date() })
    .where(and(eq(cells.runner, runner), eq(cells.status, "running")))
    .run();
}

/** The runners that hold cells in the running state. */
export function activeRunners(store: Store): string[] {
  return store.db
    .selectDistinct({ runner: cells.runner })
    .from(cells)
    .where(eq(cells.status, "running"))
    .all()
    .map((r) => r.runner)
    .filter((r): r is string => r !== null);
}

/** Hands a runner's unfinished cells back (an interrupted run): they become planned again. */
export function releaseCells(store: Store, runner: string): number {
  return store.db
    .update(cells)
    .set({ status: "planned", runner: null, heartbeatAt: null })
    .where(and(eq(cells.runner, runner), eq(cells.status, "running")))
    .run().changes;
}

/** Records finished and failed cells with their metrics, all in one transaction. */
export function recordResults(store: Store, results: CellResult[]): void {
  store.sqlite.transaction(() => {
    for (const r of results) {
      for (const a of r.artifacts ?? [])
        store.db
          .insert(artifacts)
          .values({ ...a, meta: a.meta ?? null, createdAt: r.finishedAt })
          .onConflictDoNothing()
          .run();
      store.db
        .update(cells)
        .set({
          status: r.status,
          provenance: r.provenance as Record<string, unknown>,
          error: r.error ?? null,
          stack: r.stack ?? null,
          finishedAt: r.finishedAt,
          wallMs: r.finishedAt.getTime() - r.startedAt.getTime(),
          runner: null,
        })
        .where(eq(cells.identity, r.identity))
        .run();
      if (r.metrics) {
        store.db.delete(metrics).where(eq(metrics.identity, r.identity)).run();
        const rows = Object.entries(r.metrics).map(([name, value]) => ({
          identity: r.identity,
          name,
          value: value === null || Number.isNaN(value) ? null : value,
          specVersion: r.metricSpecVersion ?? "unknown",
        }));
        if (rows.length > 0) store.db.insert(metrics).values(rows).run();
      }
    }
  })();
}

export function logEvent(
  store: Store,
  event: { experimentId?: number; identity?: string; kind: string; payload?: unknown },
): void {
  store.db
    .insert(events)
    .values({
      experimentId: event.experimentId ?? null,
      identity: event.identity ?? null,
      kind: event.kind,
      at: new Date(),
      payload: event.payload ?? null,
    })
    .run();
}
