import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore, openStoreReadOnly } from "../database/open-store.js";
import { cellCount, cellDetail, cellDetails, cellPrefixes } from "../queries/cell-detail.js";
import { recordResults, registerCells, registerExperiment } from "../queries/cell-records.js";
import { experimentDetail } from "../queries/experiment-detail.js";
import { listExperiments } from "../queries/experiment-queries.js";
import { leaderboard } from "../queries/leaderboard.js";
import { defaultMetric, metricCatalog } from "../queries/metric-catalog.js";
import { copyStoreSubset } from "../queries/store-subset.js";
import { fillSyntheticGrid } from "../testing/synthetic-grid.js";
import { metricBoard } from "./metric-board.js";

async function filled() {
  const store = await openStore(join(await mkdtemp(join(tmpdir(), "hemlock-site-")), "hemlock.db"));
  // ASR: none 0.9, strip 0.5 + seed/100, spectral signatures 0.1 + seed/100. F1 undefined for "none".
  const id = fillSyntheticGrid(store, ({ defense, seed }) => ({
    attackSuccessRate: defense === "none" ? 0.9 : defense === "strip" ? 0.5 + seed / 100 : 0.1 + seed / 100,
    cleanAccuracy: defense === "strip" ? 0.8 : 0.95,
    "detection.f1": defense === "none" ? null : 0.7,
    removed: 12,
  }));
  return { store, id };
}

describe("the app's queries", () => {
  it("list an experiment's metrics grouped, with titles and directions, and open on ASR", async () => {
    const { store, id } = await filled();
    const catalog = metricCatalog(store, id);
    expect(catalog.map((m) => [m.name, m.group, m.direction, m.title])).toEqual([
      ["attackSuccessRate", "headline", "lower", "attack success rate (%)"],
      ["cleanAccuracy", "headline", "higher", "clean accuracy (%)"],
      ["detection.f1", "poison detection", "higher", "poison detection F1 (%)"],
      ["removed", "defense diagnostics", "none", "training examples removed"],
    ]);
    expect(defaultMetric(catalog)).toBe("attackSuccessRate");
    expect(defaultMetric(catalog.filter((m) => m.name !== "attackSuccessRate"))).toBe("cleanAccuracy");
    const other = registerExperiment(store, "empty", "name: empty\n");
    expect(metricCatalog(store, other)).toEqual([]);
    store.close();
  });

  it("rank as the leaderboard does, with clean accuracy beside each row and undefined values apart", async () => {
    const { store } = await filled();
    const board = metricBoard(store, { metric: "detection.f1" });
    const [first] = board.settings;
    // "none" has only undefined F1: listed as undefined in 5 cells, not ranked as 0.
    expect(first?.entries.map((e) => e.defense)).toEqual(["spectral-signatures", "strip"]);
    expect(first?.undefinedEntries).toEqual([{ defense: "none", cells: 5, setting: "badnets/0.05/none" }]);
    const asr = metricBoard(store, { metric: "attackSuccessRate" });
    expect(asr.settings[0]?.entries.map((e) => [e.defense, e.rank, e.clean?.mean])).toEqual([
      ["spectral-signatures", 1, 0.95],
      ["strip", 2, 0.8],
      ["none", 3, 0.95],
    ]);
    expect(asr.settings[0]?.experiments).toEqual(["synthetic"]);
    // The download rows: both metrics for each of the 6 settings.
    expect(asr.rows).toHaveLength(12);
    store.close();
  });

  it("describe an experiment's progress and failures, and a cell with its chain and training curve", async () => {
    const { store } = await filled();
    const id = registerExperiment(store, "running", "name: running\n");
    const labels = { dataset: "digits", model: "mlp", attack: "badnets", rate: 0.1, defense: "none", comparison: "c" };
    registerCells(store, id, [
      { identity: "f1", config: {}, ...labels, seed: 1, setting: "s1", chain: ["model-key", "missing-key"] },
      { identity: "p2", config: {}, ...labels, seed: 2, setting: "s2", chain: [] },
    ]);
    const at = new Date(Date.UTC(2026, 11, 7));
    const history = [
      { epoch: 0, loss: 1.2, accuracy: 0.6, lr: 0.1 },
      { epoch: 1, loss: 0.4, accuracy: 0.9, lr: 0.1 },
    ];
    recordResults(store, [
      {
        identity: "f1",
        status: "failed",
        error: "training diverged",
        provenance: { backend: "cpu" },
        startedAt: at,
        finishedAt: new Date(at.getTime() + 2500),
        artifacts: [
          {
            key: "model-key",
            kind: "trained-model",
            path: "trained-model/model-key",
            bytes: 10,
            sha256: "ab",
            meta: { history },
          },
        ],
      },
    ]);
    const detail = experimentDetail(store, "running");
    expect(detail?.counts).toEqual({ planned: 1, running: 0, finished: 0, failed: 1, total: 2 });
    expect(detail?.failed.map((f) => [f.identity, f.error])).toEqual([["f1", "training diverged"]]);
    expect(experimentDetail(store, "nope")).toBeUndefined();
    const cell = cellDetail(store, "f1");
    expect(cell?.wallMs).toBe(2500);
    expect(cell?.chain.map((a) => [a.key, a.kind])).toEqual([
      ["model-key", "trained-model"],
      ["missing-key", undefined],
    ]);
    expect(cell?.history).toEqual(history);
    expect(cell?.experiments).toEqual(["running"]);
    expect(cellDetail(store, "nope")).toBeUndefined();
    // A shard of cells by identity prefix: the same details, in identity order, read in bulk.
    const identities = (
      store.sqlite.prepare("SELECT identity FROM cells ORDER BY identity").all() as { identity: string }[]
    ).map((r) => r.identity);
    expect(cellCount(store)).toBe(identities.length);
    expect(cellPrefixes(store, 1)).toEqual([...new Set(identities.map((i) => i[0]))]);
    expect(cellDetails(store, "f")).toEqual(
      identities.filter((i) => i.startsWith("f")).map((i) => cellDetail(store, i)),
    );
    expect(cellDetails(store, "")).toHaveLength(identities.length);
    expect(cellDetails(store, "zz")).toEqual([]);
    store.close();
  });
});

describe("copyStoreSubset", () => {
  it("keeps only the selected cells, and the leaderboard of the copy equals the original's for them", async () => {
    const { store } = await filled();
    fillSyntheticGrid(store, () => ({ attackSuccessRate: 0.5, cleanAccuracy: 0.9 }), {
      experiment: "other",
      attack: "blended",
    });
    const source = store.path;
    const before = leaderboard(store, { defense: "strip", metrics: ["attackSuccessRate"] });
    store.close();
    const destination = join(await mkdtemp(join(tmpdir(), "hemlock-subset-")), "subset.db");
    expect(await copyStoreSubset(source, destination, { defense: "strip" })).toBe(20);
    const copy = openStoreReadOnly(destination);
    // The per-setting sums the triggers keep agree with the original for the cells kept.
    expect(leaderboard(copy, { metrics: ["attackSuccessRate"] })).toEqual(before);
    expect(listExperiments(copy).map((e) => [e.name, e.cells])).toEqual([
      ["other", 10],
      ["synthetic", 10],
    ]);
    copy.close();
    expect(await copyStoreSubset(source, destination, { experiment: "other" })).toBe(30);
    const other = openStoreReadOnly(destination);
    expect(listExperiments(other).map((e) => e.name)).toEqual(["other"]);
    expect(new Set(leaderboard(other).map((r) => r.attack))).toEqual(new Set(["blended"]));
    other.close();
    await expect(copyStoreSubset(source, destination, { experiment: "nope" })).rejects.toThrow(
      '--experiment: no experiment "nope"',
    );
    // The source is only read.
    const again = openStoreReadOnly(source);
    expect(listExperiments(again)).toHaveLength(2);
    again.close();
  });
});
