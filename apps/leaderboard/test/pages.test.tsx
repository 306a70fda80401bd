import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { logEvent, openStore, registerExperiment } from "@hemlock/store";
import { recordReproChecks } from "@hemlock/store/reports";
import { fillSyntheticGrid } from "@hemlock/store/testing";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CompareView } from "../components/compare-view";
import { LeaderboardBoard } from "../components/leaderboard-board";
import { ReproductionsView } from "../components/reproductions-view";
import { StoreProblemView } from "../components/store-problem-view";
import { boardView, exportRows, sameViewState } from "../lib/board-view";
import { compareData } from "../lib/compare-data";
import { hemlockStore } from "../lib/hemlock-store";
import { leaderboardData } from "../lib/leaderboard-data";
import { packBoard, unpackBoard } from "../lib/packed-board";
import { isStoreProblem, readStore, type StoreProblem, withStore } from "../lib/results-store";

const h = await hemlockStore();
const experiments = (store: Parameters<typeof h.listExperiments>[0]) => h.listExperiments(store);

const SPEC = `name: gu-2017-badnets
description: BadNets on MNIST.
paper:
  authors: [Tianyu Gu, Brendan Dolan-Gavitt, Siddharth Garg]
  title: "BadNets: Identifying Vulnerabilities"
  venue: arXiv
  year: 2017
  arxiv: "1708.06733"
differences:
  - {what: 8 epochs, effect: a weaker all-to-all backdoor}
findings: The all-to-all backdoor stays below 99%.
`;

/** A store as `hemlock run` and `hemlock repro` leave it: a synthetic grid, and two recorded checks. */
async function filledStore(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "hemlock-app-")), "hemlock.db");
  const store = await openStore(path);
  // ASR: none 0.9, strip 0.5 + seed/100, spectral signatures 0.1 + seed/100.
  fillSyntheticGrid(store, ({ defense, seed }) => ({
    attackSuccessRate: defense === "none" ? 0.9 : defense === "strip" ? 0.5 + seed / 100 : 0.1 + seed / 100,
    cleanAccuracy: 0.95,
  }));
  const id = registerExperiment(store, "gu-2017-badnets", SPEC);
  const setting = { dataset: "mnist", model: "badnets-cnn", attack: "badnets", rate: 0.1, defense: "none" };
  // Both checks: published 99.5%, tolerance [99%, 100%], Section 3.1.
  const check = (metric: string, attack: string, measured: [number, number, number], n: number) => ({
    expectation: {
      metric,
      where: { attack },
      published: 0.995,
      tolerance: [0.99, 1] as [number, number],
      source: "Section 3.1",
    },
    setting: { ...setting, attack, rate: attack === "none" ? 0 : 0.1 },
    measured: measured[0],
    ciLow: measured[1],
    ciHigh: measured[2],
    n,
    passed: measured[0] >= 0.99,
  });
  recordReproChecks(store, id, [
    check("cleanAccuracy", "none", [0.9902, 0.9902, 0.9902], 1),
    check("attackSuccessRate", "badnets", [0.9792, 0.97, 0.985], 3),
  ]);
  logEvent(store, {
    experimentId: id,
    kind: "repro-run",
    payload: { seconds: 589.4, threads: 2, backend: "wasm", cells: 3, alreadyDone: 0, finished: 3 },
  });
  store.close();
  return path;
}

describe("the leaderboard app, on a store the tests fill", async () => {
  const path = await filledStore();

  it("lists the experiments with their cell counts", async () => {
    const rows = await withStore(experiments, path);
    expect(rows.map((r) => [r.name, r.cells, r.finished])).toEqual([
      ["gu-2017-badnets", 0, 0],
      ["synthetic", 30, 30],
    ]);
  });

  it("ranks the defenses of each setting with their intervals and paired tests, clean accuracy beside them", async () => {
    const data = await withStore((s) => leaderboardData(s, "attackSuccessRate"), path);
    if (!data.known) throw new Error("attackSuccessRate is recorded");
    // Packing for the browser (the board's data file) loses nothing: the rows (the downloads) come back exactly.
    const board = unpackBoard(JSON.parse(JSON.stringify(packBoard(data.board))));
    const direct = await withStore((s) => h.metricBoard(s, { metric: "attackSuccessRate" }), path);
    expect(board.rows).toEqual(direct.rows);
    expect(JSON.stringify(board.rows)).toBe(JSON.stringify(direct.rows));
    expect(board.settings.map((s) => s.entries.map(({ comparison: _, ...e }) => e))).toEqual(
      direct.settings.map((s) => s.entries.map(({ comparison: _, ...e }) => e)),
    );
    expect(board.settings.map((s) => [s.attack, s.rate])).toEqual([
      ["badnets", 0.05],
      ["badnets", 0.1],
    ]);
    const entries = board.settings[0]?.entries ?? [];
    // Lower ASR is better: spectral signatures (mean 13%) first, then STRIP (53%), then none (90%).
    expect(entries.map((e) => [e.rank, e.defense, e.n, e.clean?.mean])).toEqual([
      [1, "spectral-signatures", 5, 0.95],
      [2, "strip", 5, 0.95],
      [3, "none", 5, 0.95],
    ]);
    // STRIP is 40 points worse on every seed: a difference with zero variance, p < 0.001.
    expect(entries[1]?.versusBest?.significant).toBe(true);
    const view = boardView(data.board, data.experiments, {});
    const html = renderToStaticMarkup(
      <LeaderboardBoard view={view} metrics={data.metrics} initialState={{}} dataUrl="/data/boards/asr.json" />,
    );
    expect(html).toContain(">spectral-signatures</a>");
    expect(html).toContain("13.0 ± 2.0");
    expect(html).toContain("+40.0 (p &lt; 0.001)");
    expect(html).toContain("<strong>lower is better</strong>");
    expect(html).toContain("2 of 2 settings shown");
    // The metric picker offers the store's metrics by title, under their families.
    expect(html).toContain('<optgroup label="headline">');
    expect(html).toContain(">clean accuracy (%)</option>");
    expect(await withStore((s) => leaderboardData(s, "bogus"), path)).toEqual({
      known: false,
      metrics: ["attackSuccessRate", "cleanAccuracy"],
    });
  });

  it("computes a board's view for a URL's state, the same on the server as in the browser", async () => {
    const data = await withStore((s) => leaderboardData(s, "attackSuccessRate"), path);
    if (!data.known) throw new Error("attackSuccessRate is recorded");
    const state = { rate: "0.1", defense: "strip", sort: "n" };
    const view = boardView(data.board, data.experiments, state);
    expect([view.shownSettings, view.allSettings, view.page, view.pages]).toEqual([1, 2, 1, 1]);
    expect(view.pageSettings.map((s) => [s.rate, s.entries.map((e) => e.defense)])).toEqual([[0.1, ["strip"]]]);
    // Sorting happens within a table, so it is not part of what decides the view.
    expect(view.state).toEqual({ rate: "0.1", defense: "strip" });
    expect(sameViewState(state, { defense: "strip", rate: "0.1" })).toBe(true);
    expect(sameViewState(state, { rate: "0.05", defense: "strip" })).toBe(false);
    expect(exportRows(data.board, state).map((r) => [r.defense, r.rate, r.metric])).toEqual([
      ["strip", 0.1, "attackSuccessRate"],
      ["strip", 0.1, "cleanAccuracy"],
    ]);
    const pivot = boardView(data.board, data.experiments, { view: "pivot" }).pivot;
    expect(pivot?.columns).toEqual(["0.05", "0.1"]);
    expect(pivot?.rows.map((r) => [r.labels[3], r.cells.map((c) => c?.best)])).toEqual([
      ["spectral-signatures", [true, true]],
      ["strip", [false, false]],
      ["none", [false, false]],
    ]);
  });

  it("compares two attacks in the settings that differ only by attack, per defense", async () => {
    const two = join(await mkdtemp(join(tmpdir(), "hemlock-app-")), "hemlock.db");
    const store = await openStore(two);
    // Blended's ASR is 30 points under BadNets' in every cell; clean accuracy is the same.
    for (const attack of ["badnets", "blended"])
      fillSyntheticGrid(
        store,
        ({ seed }) => ({ attackSuccessRate: (attack === "badnets" ? 0.9 : 0.6) + seed / 100, cleanAccuracy: 0.95 }),
        { experiment: `${attack}-grid`, attack },
      );
    store.close();
    const data = await compareData("badnets", "blended", two);
    if (!data || isStoreProblem(data)) throw new Error("two attacks of the store");
    expect(data.axis).toBe("attack");
    const asr = data.metrics.find((m) => m.metric === "attackSuccessRate");
    if (!asr || "problem" in asr) throw new Error("ASR compared");
    // Three defenses x two rates; lower ASR is better, so blended (B) wins each.
    expect(asr.wins).toEqual({ a: 0, b: 6, ties: 0 });
    expect(asr.pairs).toEqual([{ dataset: "digits", model: "mlp", a: 0, b: 6, ties: 0 }]);
    const html = renderToStaticMarkup(<CompareView a="badnets" b="blended" results={data} initialState={{}} />);
    expect(html).toContain("<th>defense</th>");
    expect(html).toContain("<strong>badnets</strong> lower in 0, <strong>blended</strong> lower in 6");
    expect(html).toContain('<td>spectral-signatures</td><td class="num">0.05</td>');
    expect(await compareData("badnets", "strip", two)).toBeUndefined();
  });

  it("shows each reproduction's checks, run time, differences and findings, and a failing target as failing", async () => {
    const targets = await withStore((s) => h.reproductionTargets(s), path);
    expect(targets).toHaveLength(1);
    const [target] = targets;
    expect(target?.citation).toBe("Gu et al. 2017");
    expect(target?.passed).toBe(1);
    expect(target?.checks.map((c) => [c.metric, c.measured, c.tolerance, c.passed])).toEqual([
      ["clean accuracy (%)", "99.02", "in [99.0, 100.0] %", true],
      ["attack success rate (%)", "97.92 [97.00, 98.50]", "in [99.0, 100.0] %", false],
    ]);
    const html = renderToStaticMarkup(<ReproductionsView targets={targets} />);
    expect(html).toContain("1 of 2 pass (failing)");
    expect(html).toContain('<td class="fail">FAIL</td>');
    expect(html).toContain('href="https://arxiv.org/abs/1708.06733"');
    expect(html).toContain("Run: 589.4 s for 3 cells");
    expect(html).toContain("a weaker all-to-all backdoor");
    expect(html).toContain("The all-to-all backdoor stays below 99%.");
  });

  it("names the store when it cannot be opened, shows the fix instead of crashing, and never creates one", async () => {
    const missing = join(tmpdir(), "hemlock-app-missing", "none.db");
    await expect(withStore(experiments, missing)).rejects.toThrow(`${missing}: cannot open the results store`);
    const shown = await readStore(experiments, missing);
    expect(isStoreProblem(shown)).toBe(true);
    const html = renderToStaticMarkup(<StoreProblemView {...(shown as StoreProblem)} />);
    expect(html).toContain(`${missing}: cannot open the results store`);
    expect(html).toContain("Run an experiment first (hemlock run FILE), or point HEMLOCK_DB at a results store.");
    expect(existsSync(missing)).toBe(false);
  });
});
