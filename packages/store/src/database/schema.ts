/**
 * The results store's tables (drizzle-orm, SQLite). Migrations are generated from this file by
 * drizzle-kit (`pnpm --filter @hemlock/store generate`) into drizzle/, committed, and applied when
 * a store is opened.
 * - experiments: one row per experiment name, with the spec text and its hash;
 * - cells: one row per cell identity (a hash of its resolved config, dataset checksums, code
 *   version and backend), shared by every experiment that declares it, with the axes' labels as
 *   indexed columns for the leaderboard, its status, provenance and error;
 * - experiment_cells: which experiment declares which cells;
 * - artifacts: content-addressed intermediate results (poisoned data, trained models) on disk;
 * - metrics: long format, one value per cell and metric, with the metric-spec version;
 * - setting_metrics: per setting (a cell's config without its seed) and metric, the count, sum and
 *   sum of squares over finished cells, kept by triggers (drizzle/0004_setting_metric_triggers.sql)
 *   as metrics and cell statuses change, so the leaderboard reads one row per setting, not per cell;
 * - events: what happened during runs (started, finished, failed, interrupted);
 * - repro_checks: published numbers checked against measured ones.
 */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const experiments = sqliteTable(
  "experiments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    specText: text("spec_text").notNull(),
    specHash: text("spec_hash").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("experiments_name").on(t.name)],
);

export const CELL_STATUSES = ["planned", "running", "finished", "failed"] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export const cells = sqliteTable(
  "cells",
  {
    identity: text("identity").primaryKey(),
    /** The fully resolved configuration (JSON). */
    config: text("config", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    dataset: text("dataset").notNull(),
    model: text("model").notNull(),
    attack: text("attack").notNull(),
    rate: real("rate").notNull(),
    defense: text("defense").notNull(),
    seed: integer("seed").notNull(),
    /** The artifact keys the cell is built from, dependencies first (JSON): what `hemlock gc` keeps. */
    chain: text("chain", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** The setting without the seed: cells that differ only by seed share it (JSON hash). */
    setting: text("setting").notNull(),
    /**
     * The setting without the defense: cells that differ only by defense and seed share it, and
     * a seed's cells under two defenses are paired in comparisons (JSON hash; "" on cells recorded
     * before it was kept, until their experiment is planned again).
     */
    comparison: text("comparison").notNull().default(""),
    status: text("status", { enum: CELL_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** git sha and dirty flag, package versions, Node, backend, host, worker, times, peak RSS (JSON). */
    provenance: text("provenance", { mode: "json" }).$type<Record<string, unknown>>(),
    error: text("error"),
    stack: text("stack"),
    /** Who runs it now (host:pid:worker), and when it last said so: stale runs are rerun. */
    runner: text("runner"),
    heartbeatAt: integer("heartbeat_at", { mode: "timestamp_ms" }),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    wallMs: integer("wall_ms"),
  },
  (t) => [
    index("cells_status").on(t.status),
    index("cells_board").on(t.dataset, t.model, t.attack, t.rate, t.defense),
    index("cells_setting").on(t.setting),
    index("cells_comparison").on(t.comparison, t.seed),
  ],
);

export const experimentCells = sqliteTable(
  "experiment_cells",
  {
    experimentId: integer("experiment_id")
      .notNull()
      .references(() => experiments.id),
    identity: text("identity")
      .notNull()
      .references(() => cells.identity),
    /** The cell's position in the grid, for stable listings. */
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.identity] }), index("experiment_cells_identity").on(t.identity)],
);

export const artifacts = sqliteTable("artifacts", {
  key: text("key").primaryKey(),
  kind: text("kind").notNull(),
  /** Relative to the store's artifact directory. */
  path: text("path").notNull(),
  bytes: integer("bytes").notNull(),
  sha256: text("sha256").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  /** What the artifact is, in words and numbers (JSON). */
  meta: text("meta", { mode: "json" }).$type<Record<string, unknown>>(),
});

export const metrics = sqliteTable(
  "metrics",
  {
    identity: text("identity")
      .notNull()
      .references(() => cells.identity),
    name: text("name").notNull(),
    value: real("value"),
    specVersion: text("spec_version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identity, t.name] }), index("metrics_name").on(t.name)],
);

export const settingMetrics = sqliteTable(
  "setting_metrics",
  {
    setting: text("setting").notNull(),
    name: text("name").notNull(),
    /** The setting's labels, as its cells have them. */
    dataset: text("dataset").notNull(),
    model: text("model").notNull(),
    attack: text("attack").notNull(),
    rate: real("rate").notNull(),
    defense: text("defense").notNull(),
    comparison: text("comparison").notNull(),
    /** Over finished cells with a value: 0 once all of them are rerun or removed. */
    n: integer("n").notNull(),
    sum: real("sum").notNull(),
    sumSquares: real("sum_squares").notNull(),
  },
  (t) => [primaryKey({ columns: [t.setting, t.name] })],
);

export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    experimentId: integer("experiment_id").references(() => experiments.id),
    identity: text("identity"),
    kind: text("kind").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    payload: text("payload", { mode: "json" }).$type<unknown>(),
  },
  (t) => [index("events_experiment").on(t.experimentId)],
);

export const reproChecks = sqliteTable(
  "repro_checks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    experimentId: integer("experiment_id")
      .notNull()
      .references(() => experiments.id),
    metric: text("metric").notNull(),
    /** Which cells the check reads (JSON). */
    selector: text("selector", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    published: real("published").notNull(),
    /** Absolute tolerance or [low, high] (JSON). */
    tolerance: text("tolerance", { mode: "json" }).$type<number | [number, number]>().notNull(),
    measured: real("measured"),
    ciLow: real("ci_low"),
    ciHigh: real("ci_high"),
    passed: integer("passed", { mode: "boolean" }).notNull(),
    source: text("source").notNull(),
    checkedAt: integer("checked_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("repro_checks_experiment").on(t.experimentId)],
);
