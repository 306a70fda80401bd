import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, openStore, openStoreReadOnly } from "../database/open-store.js";
import {
  type CellRecordInput,
  cellStatuses,
  claimCell,
  claimCells,
  recordResults,
  registerCells,
  registerExperiment,
  releaseCells,
  resetCells,
} from "./cell-records.js";
import { listExperiments } from "./experiment-queries.js";
import { leaderboard } from "./leaderboard.js";

const tempDb = async () => join(await mkdtemp(join(tmpdir(), "hemlock-store-")), "hemlock.db");

const cell = (i: number): CellRecordInput => ({
  identity: `cell-${i}`,
  config: { i },
  dataset: "digits",
  model: "mlp",
  attack: "badnets",
  rate: 0.1,
  defense: "none",
  seed: i,
  setting: "s",
  comparison: "c",
  chain: [],
});

describe("the results store", () => {
  it("creates the tables by migration, in WAL mode with synchronous=FULL", async () => {
    const store = await openStore(await tempDb());
    const tables = (
      store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables).toEqual([
      "__drizzle_migrations",
      "artifacts",
      "cells",
      "events",
      "experiment_cells",
      "experiments",
      "metrics",
      "repro_checks",
      "setting_metrics",
      "sqlite_sequence",
    ]);
    expect(store.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.sqlite.pragma("synchronous", { simple: true })).toBe(2);
    store.close();
  });

  it("registers cells once however often an experiment is registered, and records results with metrics", async () => {
    const path = await tempDb();
    const store = await openStore(path);
    const id = registerExperiment(store, "exp", "name: exp\n");
    expect(registerExperiment(store, "exp", "name: exp\nseeds: 2\n")).toBe(id);
    registerCells(store, id, [cell(1), cell(2)]);
    registerCells(store, id, [cell(1), cell(2), cell(3)]);
    expect(store.sqlite.prepare("SELECT count(*) AS n FROM cells").get()).toEqual({ n: 3 });
    expect(claimCell(store, "cell-1", "a", { staleBefore: new Date(0) })).toBe(true);
    // A second claimant does not get a running cell whose claimant is alive.
    expect(claimCell(store, "cell-1", "b", { staleBefore: new Date(0) })).toBe(false);
    const startedAt = new Date();
    recordResults(store, [
      {
        identity: "cell-1",
        status: "finished",
        metrics: { cleanAccuracy: 0.9, asr: Number.NaN },
        metricSpecVersion: "1.1.0",
        provenance: { host: "h" },
        startedAt,
        finishedAt: new Date(startedAt.getTime() + 5),
      },
    ]);
    expect(cellStatuses(store, ["cell-1", "cell-2", "nope"])).toEqual(
      new Map([
        ["cell-1", "finished"],
        ["cell-2", "planned"],
      ]),
    );
    expect(store.sqlite.prepare("SELECT name, value, spec_version AS v FROM metrics ORDER BY name").all()).toEqual([
      { name: "asr", value: null, v: "1.1.0" },
      { name: "cleanAccuracy", value: 0.9, v: "1.1.0" },
    ]);
    store.close();
  });

  it("claims a group of cells in one transaction, skipping the ones another runner holds", async () => {
    const store = await openStore(await tempDb());
    const id = registerExperiment(store, "exp", "x");
    registerCells(store, id, [cell(1), cell(2), cell(3)]);
    expect(claimCell(store, "cell-2", "other", { staleBefore: new Date(0) })).toBe(true);
    expect(claimCells(store, ["cell-1", "cell-2", "cell-3"], "me", { staleBefore: new Date(0) })).toEqual([
      "cell-1",
      "cell-3",
    ]);
    expect(store.sqlite.prepare("SELECT identity, runner, attempts FROM cells ORDER BY identity").all()).toEqual([
      { identity: "cell-1", runner: "me", attempts: 1 },
      { identity: "cell-2", runner: "other", attempts: 1 },
      { identity: "cell-3", runner: "me", attempts: 1 },
    ]);
    store.close();
  });

  it("takes back a stale claim, and releases an interrupted runner's cells", async () => {
    const store = await openStore(await tempDb());
    const id = registerExperiment(store, "exp", "x");
    registerCells(store, id, [cell(1), cell(2)]);
    expect(claimCell(store, "cell-1", "dead", { staleBefore: new Date(0) })).toBe(true);
    expect(claimCell(store, "cell-1", "alive", { staleBefore: new Date(Date.now() + 1000) })).toBe(true);
    expect(claimCell(store, "cell-2", "alive", { staleBefore: new Date(0) })).toBe(true);
    expect(releaseCells(store, "alive")).toBe(2);
    expect([...cellStatuses(store, ["cell-1", "cell-2"]).values()]).toEqual(["planned", "planned"]);
    store.close();
  });

  it("refuses a database written by a newer Hemlock and leaves it unchanged", async () => {
    const path = await tempDb();
    (await openStore(path)).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999)").run();
    raw.close();
    await expect(openStore(path)).rejects.toThrow(
      `${path}: this results store has 1 migration(s) this version of Hemlock does not know (written by a newer version); it was left unchanged`,
    );
    const after = new Database(path);
    // The migrations this code knows, and the unknown one, untouched.
    const known = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")).entries.length;
    expect(after.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get()).toEqual({ n: known + 1 });
    after.close();
  });

  it("opens a store read-only for the app: reads, never writes, and refuses a missing or outdated store", async () => {
    const path = await tempDb();
    await expect(async () => openStoreReadOnly(path)).rejects.toThrow(`${path}: cannot open the results store`);
    const writer = await openStore(path);
    registerExperiment(writer, "exp", "name: exp");
    writer.close();
    const reader = openStoreReadOnly(path);
    expect(listExperiments(reader).map((e) => e.name)).toEqual(["exp"]);
    expect(() => reader.sqlite.prepare("DELETE FROM experiments").run()).toThrow(/readonly/);
    reader.close();
    const raw = new Database(path);
    raw
      .prepare("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)")
      .run();
    raw.close();
    expect(() => openStoreReadOnly(path)).toThrow(
      /lacks 1 migration\(s\) \(0004_setting_metric_triggers\); a reader cannot apply them/,
    );
  });

  it("lets two processes open one new database at once without corrupting it", async () => {
    const path = await tempDb();
    const script = `import("${new URL("../../dist/index.js", import.meta.url).pathname}").then(async (m) => { const s = await m.openStore(process.argv[1]); const id = m.registerExperiment(s, "e", "x"); m.registerCells(s, id, Array.from({length: 50}, (_, i) => ({identity: "c" + i, config: {}, dataset: "d", model: "m", attack: "a", rate: 0, defense: "none", seed: i, setting: "s", comparison: "c", chain: []}))); s.close(); })`;
    const run = () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ["-e", script, path], { stdio: "inherit" });
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
      });
    await Promise.all([run(), run()]);
    const store = await openStore(path);
    expect(store.sqlite.prepare("SELECT count(*) AS n FROM cells").get()).toEqual({ n: 50 });
    expect(store.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    store.close();
  });

  it("aggregates each setting over seeds: mean, sd, n and the 95% t-interval", async () => {
    const store = await openStore(await tempDb());
    const id = registerExperiment(store, "exp", "x");
    registerCells(store, id, [cell(1), cell(2), cell(3), { ...cell(4), defense: "strip", setting: "s-strip" }]);
    const at = new Date();
    recordResults(
      store,
      [0.9, 0.8, 0.7, 0.5].map((v, i) => ({
        identity: `cell-${i + 1}`,
        status: "finished" as const,
        metrics: { cleanAccuracy: v },
        metricSpecVersion: "1.1.0",
        provenance: {},
        startedAt: at,
        finishedAt: at,
      })),
    );
    const rows = leaderboard(store, { experimentId: id });
    expect(rows.map((r) => [r.defense, r.n])).toEqual([
      ["none", 3],
      ["strip", 1],
    ]);
    const none = rows[0];
    expect(none?.mean).toBeCloseTo(0.8, 12);
    expect(none?.sd).toBeCloseTo(0.1, 12);
    // R: qt(0.975, 2) = 4.302653; half-width 4.302653 * 0.1 / sqrt(3).
    expect((none?.ciHigh ?? 0) - 0.8).toBeCloseTo((4.302653 * 0.1) / Math.sqrt(3), 6);
    expect([rows[1]?.ciLow, rows[1]?.ciHigh]).toEqual([0.5, 0.5]);
    store.close();
  });

  it("keeps the per-setting sums equal to a recount through reruns, replaced metrics, edits and relabelling", async () => {
    const store = await openStore(await tempDb());
    const id = registerExperiment(store, "exp", "x");
    const cellsOf = [1, 2, 3, 4].map((i) => ({ ...cell(i), setting: i < 4 ? "s" : "t" }));
    registerCells(store, id, cellsOf);
    const at = new Date();
    const finish = (i: number, values: Record<string, number | null>) =>
      recordResults(store, [
        {
          identity: `cell-${i}`,
          status: "finished",
          metrics: values,
          metricSpecVersion: "1.1.0",
          provenance: {},
          startedAt: at,
          finishedAt: at,
        },
      ]);
    const recount = () =>
      store.sqlite
        .prepare(
          `SELECT c.setting, m.name, c.defense, count(*) AS n, sum(m.value) AS sum, sum(m.value * m.value) AS sumSquares
           FROM metrics m JOIN cells c ON c.identity = m.identity
           WHERE c.status = 'finished' AND m.value IS NOT NULL GROUP BY c.setting, m.name ORDER BY 1, 2`,
        )
        .all();
    const summary = () =>
      store.sqlite
        .prepare(
          "SELECT setting, name, defense, n, sum, sum_squares AS sumSquares FROM setting_metrics WHERE n > 0 ORDER BY 1, 2",
        )
        .all()
        .map((r) => {
          const row = r as { sum: number; sumSquares: number };
          return { ...row, sum: Number(row.sum.toFixed(12)), sumSquares: Number(row.sumSquares.toFixed(12)) };
        });
    const rounded = () =>
      recount().map((r) => {
        const row = r as { sum: number; sumSquares: number };
        return { ...row, sum: Number(row.sum.toFixed(12)), sumSquares: Number(row.sumSquares.toFixed(12)) };
      });
    finish(1, { cleanAccuracy: 0.9, attackSuccessRate: 0.5 });
    finish(2, { cleanAccuracy: 0.8, attackSuccessRate: null });
    finish(4, { cleanAccuracy: 0.7 });
    expect(summary()).toEqual(rounded());
    expect(summary()).toHaveLength(3);
    // A rerun makes cells planned (their values leave the sums), then records new values.
    resetCells(store, ["cell-1", "cell-2"], ["finished"]);
    expect(summary()).toEqual(rounded());
    finish(1, { cleanAccuracy: 0.95, attackSuccessRate: 0.25 });
    finish(2, { cleanAccuracy: 0.85, attackSuccessRate: 0.75 });
    finish(3, { cleanAccuracy: 0.6 });
    expect(summary()).toEqual(rounded());
    store.sqlite.prepare("UPDATE metrics SET value = 0.1 WHERE identity = 'cell-3'").run();
    store.sqlite
      .prepare("UPDATE metrics SET value = NULL WHERE identity = 'cell-2' AND name = 'attackSuccessRate'")
      .run();
    expect(summary()).toEqual(rounded());
    // Another experiment that labels the cells differently relabels their settings' sums.
    registerCells(
      store,
      id,
      cellsOf.map((c) => ({ ...c, defense: c.setting === "s" ? "none holdout=100" : c.defense })),
    );
    expect(summary()).toEqual(rounded());
    expect(leaderboard(store, { defense: "none", metrics: ["cleanAccuracy"] }).map((r) => [r.defense, r.n])).toEqual([
      ["none", 1],
      ["none holdout=100", 3],
    ]);
    const [s] = leaderboard(store, { defense: "none holdout=100", metrics: ["cleanAccuracy"] });
    expect(s?.mean).toBeCloseTo((0.95 + 0.85 + 0.1) / 3, 12);
    store.close();
  });
});
