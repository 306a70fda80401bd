import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../database/open-store.js";
import { recordResults, registerCells, registerExperiment } from "../queries/cell-records.js";
import { leaderboard } from "../queries/leaderboard.js";
import { fillSyntheticGrid, type SyntheticCell } from "../testing/synthetic-grid.js";
import type { Bundle } from "./bundle-format.js";
import { exportBundle } from "./export-bundle.js";
import { importBundle, verifyBundle } from "./import-bundle.js";

const tempStore = async () => openStore(join(await mkdtemp(join(tmpdir(), "hemlock-bundle-")), "hemlock.db"));
const values = (c: SyntheticCell) => ({ attackSuccessRate: c.seed / 10 + c.rate, cleanAccuracy: 0.9 - c.seed / 100 });
/** A bundle as it travels: written to JSON text and read back. */
const roundTrip = (bundle: Bundle): unknown => JSON.parse(JSON.stringify(bundle));
const count = (store: Awaited<ReturnType<typeof tempStore>>, table: string) =>
  (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("result bundles", () => {
  it("carry an experiment's cells, metrics and provenance into another store, which aggregates them alike", async () => {
    const source = await tempStore();
    fillSyntheticGrid(source, values);
    const exported = exportBundle(source, "synthetic");
    expect(exported?.bundle.cells).toHaveLength(30);
    expect(exported?.unfinished).toBe(0);
    const target = await tempStore();
    const report = importBundle(target, verifyBundle(roundTrip(exported?.bundle as Bundle), "b.json"));
    expect(report).toEqual({ experiment: "synthetic", createdExperiment: true, added: 30, present: 0 });
    expect(leaderboard(target)).toEqual(leaderboard(source));
    expect(count(target, "metrics")).toBe(60);
    const provenance = target.sqlite.prepare("SELECT provenance, wall_ms FROM cells LIMIT 1").get();
    expect(provenance).toEqual({ provenance: '{"seed":1,"backend":"cpu"}', wall_ms: 1000 });
    // Exporting the imported experiment gives the same cells and checksums.
    expect(exportBundle(target, "synthetic")?.bundle.checksums).toEqual(exported?.bundle.checksums);
    source.close();
    target.close();
  });

  it("imports idempotently: a second import adds nothing", async () => {
    const source = await tempStore();
    fillSyntheticGrid(source, values);
    const bundle = verifyBundle(roundTrip((exportBundle(source, "synthetic") as { bundle: Bundle }).bundle), "b");
    const target = await tempStore();
    importBundle(target, bundle);
    expect(importBundle(target, bundle)).toEqual({
      experiment: "synthetic",
      createdExperiment: false,
      added: 0,
      present: 30,
    });
    expect([count(target, "cells"), count(target, "metrics"), count(target, "experiment_cells")]).toEqual([30, 60, 30]);
    // Importing into the store it came from is also a no-op.
    expect(importBundle(source, bundle).added).toBe(0);
    source.close();
    target.close();
  });

  it("refuses a bundle changed after export, naming the cell", async () => {
    const source = await tempStore();
    fillSyntheticGrid(source, values);
    const data = roundTrip((exportBundle(source, "synthetic") as { bundle: Bundle }).bundle) as Bundle;
    const edited = structuredClone(data);
    (edited.cells[4]?.metrics[0] as { value: number }).value = 0.01;
    expect(() => verifyBundle(edited, "team-b.json")).toThrow(
      `team-b.json: cells[4] (cell ${data.cells[4]?.identity}) does not match its checksum`,
    );
    const dropped = structuredClone(data);
    dropped.cells.pop();
    expect(() => verifyBundle(dropped, "team-b.json")).toThrow("team-b.json: the list of cells does not match");
    const wrongShape = structuredClone(data) as unknown as { cells: { seed: unknown }[] };
    (wrongShape.cells[2] as { seed: unknown }).seed = "two";
    expect(() => verifyBundle(wrongShape, "team-b.json")).toThrow("team-b.json: cells[2].seed:");
    expect(() => verifyBundle({ format: "zip" }, "x.json")).toThrow("x.json: format:");
    source.close();
  });

  it("refuses a cell that conflicts with one in the store, names it, and writes nothing", async () => {
    const source = await tempStore();
    fillSyntheticGrid(source, values);
    const bundle = verifyBundle(roundTrip((exportBundle(source, "synthetic") as { bundle: Bundle }).bundle), "b");
    const target = await tempStore();
    // The target ran one of the same cells and measured something else.
    const id = registerExperiment(target, "mine", "name: mine\n");
    const [first] = bundle.cells;
    const { identity, dataset, model, attack, rate, defense, seed, setting, comparison } = first as Bundle["cells"][0];
    registerCells(target, id, [
      { identity, config: first?.config, dataset, model, attack, rate, defense, seed, setting, comparison, chain: [] },
    ]);
    const at = new Date(Date.UTC(2026, 10, 23));
    recordResults(target, [
      {
        identity,
        status: "finished",
        metrics: { attackSuccessRate: 0.99, cleanAccuracy: 0.5 },
        metricSpecVersion: "1.1.0",
        provenance: { seed: 1, backend: "cpu" },
        startedAt: at,
        finishedAt: new Date(at.getTime() + 1000),
      },
    ]);
    expect(() => importBundle(target, bundle)).toThrow(
      `cell ${identity} (digits/mlp/badnets/rate 0.05/none/seed 1) exists in ${target.path} with different metrics: nothing was imported`,
    );
    expect([count(target, "cells"), count(target, "experiments")]).toEqual([1, 1]);
    expect(
      target.sqlite.prepare("SELECT value FROM metrics WHERE identity = ? AND name = 'cleanAccuracy'").get(identity),
    ).toEqual({ value: 0.5 });
    source.close();
    target.close();
  });

  it("refuses an experiment whose name is taken by a different spec", async () => {
    const source = await tempStore();
    fillSyntheticGrid(source, values);
    const bundle = verifyBundle(roundTrip((exportBundle(source, "synthetic") as { bundle: Bundle }).bundle), "b");
    const target = await tempStore();
    registerExperiment(target, "synthetic", "name: synthetic\nseeds: 9\n");
    expect(() => importBundle(target, bundle)).toThrow(/experiment "synthetic" exists in .* with a different spec/);
    expect(count(target, "cells")).toBe(0);
    source.close();
    target.close();
  });
});
