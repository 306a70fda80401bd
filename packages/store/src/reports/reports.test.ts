import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../database/open-store.js";
import { recordResults, registerCells } from "../queries/cell-records.js";
import { leaderboard } from "../queries/leaderboard.js";
import { bootstrapInterval } from "../statistics/bootstrap-interval.js";
import { holmAdjust } from "../statistics/holm.js";
import { pairedTTest } from "../statistics/paired-t-test.js";
import { wilcoxonSignedRank } from "../statistics/wilcoxon-signed-rank.js";
import { fillSyntheticGrid, type SyntheticCell } from "../testing/synthetic-grid.js";
import { comparableNames, compareAxisOf, comparePlugins } from "./compare-plugins.js";
import { friedmanAcrossSettings } from "./friedman-across-settings.js";
import { rankDefenses } from "./ranked-leaderboard.js";

const tempStore = async () => openStore(join(await mkdtemp(join(tmpdir(), "hemlock-reports-")), "hemlock.db"));

// Per-seed jitter, fixed so every number below can be checked by hand.
const JITTER = [0.01, -0.02, 0.015, -0.005, 0.0];
const BASE_ASR: Record<string, number> = { none: 0.95, strip: 0.6, "spectral-signatures": 0.1 };
const BASE_ACC: Record<string, number> = { none: 0.97, strip: 0.966, "spectral-signatures": 0.955 };
const values = (c: SyntheticCell) => ({
  attackSuccessRate: (BASE_ASR[c.defense] as number) * (c.rate === 0.1 ? 1 : 0.9) + (JITTER[c.seed - 1] as number),
  // The defenses' accuracy jitters opposite to "none"'s, so their paired differences vary.
  cleanAccuracy: (BASE_ACC[c.defense] as number) + (c.defense === "none" ? 0.2 : -0.1) * (JITTER[c.seed - 1] as number),
});

describe("defenses ranked within each setting", () => {
  it("orders by the metric's better direction, ranks by interval overlap and tests each against the best", async () => {
    const store = await tempStore();
    fillSyntheticGrid(store, values);
    const ranked = rankDefenses(store, { metric: "attackSuccessRate", rate: 0.1 });
    expect(ranked).toHaveLength(1);
    const [setting] = ranked;
    expect(setting?.higherIsBetter).toBe(false);
    expect(setting?.entries.map((e) => [e.defense, e.rank, e.best])).toEqual([
      ["spectral-signatures", 1, true],
      ["strip", 2, false],
      ["none", 3, false],
    ]);
    // Every defense's values are its base plus the same jitter, so differences from the best are
    // constant across seeds: the paired t-test's p is 0 (no spread) and Holm keeps it 0.
    const strip = setting?.entries[1]?.versusBest;
    expect(strip).toMatchObject({ n: 5, p: 0, pAdjusted: 0, significant: true });
    expect(strip?.meanDifference).toBeCloseTo(0.5, 12);
    store.close();
  });

  it("computes the paired test against the best on matched seeds, Holm-corrected over the setting's defenses", async () => {
    const store = await tempStore();
    fillSyntheticGrid(store, values);
    const [setting] = rankDefenses(store, { metric: "cleanAccuracy", rate: 0.05 });
    const order = setting?.entries.map((e) => e.defense);
    expect(order).toEqual(["none", "strip", "spectral-signatures"]);
    const series = (d: string) =>
      [1, 2, 3, 4, 5].map((s) => values({ attack: "badnets", rate: 0.05, defense: d, seed: s }).cleanAccuracy);
    const raw = ["strip", "spectral-signatures"].map((d) => pairedTTest(series(d), series("none")).p);
    const holm = holmAdjust(raw);
    expect(setting?.entries[1]?.versusBest?.p).toBeCloseTo(raw[0] as number, 12);
    expect(setting?.entries[1]?.versusBest?.pAdjusted).toBeCloseTo(holm[0] as number, 12);
    expect(setting?.entries[2]?.versusBest?.pAdjusted).toBeCloseTo(holm[1] as number, 12);
    // Differences from "none" are -0.004 (strip) or -0.015 (spectral) minus 0.3 x jitter: t = -2.2 and -8.2.
    expect(setting?.entries[1]?.versusBest?.significant).toBe(false);
    expect(setting?.entries[2]?.versusBest?.significant).toBe(true);
    // Overlapping intervals share a rank.
    expect(setting?.entries.map((e) => e.rank)).toEqual([1, 1, 3]);
    const withWilcoxon = rankDefenses(store, { metric: "cleanAccuracy", rate: 0.05, test: "wilcoxon" })[0];
    expect(withWilcoxon?.entries[2]?.versusBest?.p).toBeCloseTo(
      wilcoxonSignedRank(series("spectral-signatures"), series("none")).p,
      12,
    );
    store.close();
  });

  it("keeps settings that share labels but differ in configuration apart, and filters by plugin name", async () => {
    const store = await tempStore();
    fillSyntheticGrid(store, values, { experiment: "a", attack: "blended alpha=0.1" });
    fillSyntheticGrid(store, () => ({ attackSuccessRate: 0.5 }), { experiment: "b", attack: "blended alpha=0.2" });
    const rows = leaderboard(store, { attack: "blended", defense: "none", rate: 0.1, metrics: ["attackSuccessRate"] });
    expect(rows.map((r) => [r.attack, r.n])).toEqual([
      ["blended alpha=0.1", 5],
      ["blended alpha=0.2", 5],
    ]);
    expect(rows[1]?.mean).toBeCloseTo(0.5, 12);
    expect(leaderboard(store, { attack: "blend", metrics: ["attackSuccessRate"] })).toEqual([]);
    expect(leaderboard(store, { attack: "blended alpha=0.2", metrics: ["attackSuccessRate"] })).toHaveLength(6);
    store.close();
  });
});

describe("ranks across settings and bootstrap intervals", () => {
  it("runs the Friedman test over settings on the defenses' means", async () => {
    const store = await tempStore();
    fillSyntheticGrid(store, values);
    const ranked = rankDefenses(store, { metric: "attackSuccessRate" });
    const f = friedmanAcrossSettings(ranked);
    // Both settings rank spectral-signatures < strip < none: identical rankings of k = 3 in n = 2
    // blocks give chi^2 = n (k - 1) = 4 and p = exp(-2).
    expect(f?.defenses).toEqual(["none", "spectral-signatures", "strip"]);
    expect(f?.meanRanks).toEqual([3, 1, 2]);
    expect(f?.statistic).toBeCloseTo(4, 12);
    expect(f?.p).toBeCloseTo(Math.exp(-2), 12);
    expect(friedmanAcrossSettings(ranked.slice(0, 1))).toBeUndefined();
    store.close();
  });

  it("uses the seeded percentile bootstrap over seeds when asked", async () => {
    const store = await tempStore();
    fillSyntheticGrid(store, values);
    const [setting] = rankDefenses(store, { metric: "attackSuccessRate", rate: 0.1, interval: "bootstrap" });
    const none = setting?.entries.find((e) => e.defense === "none");
    const series = [1, 2, 3, 4, 5].map(
      (s) => values({ attack: "badnets", rate: 0.1, defense: "none", seed: s }).attackSuccessRate,
    );
    const expected = bootstrapInterval(series);
    expect([none?.ciLow, none?.ciHigh]).toEqual([expected.low, expected.high]);
    // The bootstrap interval lies within the sample's range.
    expect(none?.ciLow).toBeGreaterThanOrEqual(Math.min(...series));
    expect(none?.ciHigh).toBeLessThanOrEqual(Math.max(...series));
    store.close();
  });
});

describe("two defenses compared in every setting they share", () => {
  it("tests each setting, Holm-corrects over settings and counts wins by the metric's direction", async () => {
    const store = await tempStore();
    fillSyntheticGrid(store, values);
    const asr = comparePlugins(store, { a: "strip", b: "none", metric: "attackSuccessRate" });
    expect(asr.settings.map((s) => [s.rate, s.seeds.length, s.better])).toEqual([
      [0.05, 5, "a"],
      [0.1, 5, "a"],
    ]);
    expect(asr.settings[1]?.meanDifference).toBeCloseTo(0.6 - 0.95, 12);
    expect(asr.wins).toEqual({ a: 2, b: 0, ties: 0 });

    const acc = comparePlugins(store, { a: "strip", b: "none", metric: "cleanAccuracy" });
    const strip = [1, 2, 3, 4, 5].map(
      (s) => values({ attack: "badnets", rate: 0.1, defense: "strip", seed: s }).cleanAccuracy,
    );
    const none = [1, 2, 3, 4, 5].map(
      (s) => values({ attack: "badnets", rate: 0.1, defense: "none", seed: s }).cleanAccuracy,
    );
    const t = pairedTTest(strip, none);
    expect(acc.settings[1]?.t.statistic).toBeCloseTo(t.statistic, 10);
    // Two settings with the same p: Holm doubles it.
    expect(acc.settings[1]?.pAdjusted).toBeCloseTo(Math.min(1, 2 * t.p), 10);
    expect(acc.wins).toEqual({ a: 0, b: 0, ties: 2 });
    expect(acc.overall?.n).toBe(2);
    store.close();
  });

  it("compares two attacks in the settings that differ only by attack, per defense", async () => {
    const store = await tempStore();
    // The same grid under two attacks: blended's ASR is 0.2 lower than BadNets' in every cell.
    const asr = (attack: string) => (c: SyntheticCell) => ({
      attackSuccessRate: (attack === "blended" ? -0.2 : 0) + values(c).attackSuccessRate,
      cleanAccuracy: values(c).cleanAccuracy,
    });
    fillSyntheticGrid(store, asr("badnets"), { experiment: "badnets-grid", attack: "badnets" });
    fillSyntheticGrid(store, asr("blended"), { experiment: "blended-grid", attack: "blended" });
    const result = comparePlugins(store, { a: "badnets", b: "blended", metric: "attackSuccessRate", axis: "attack" });
    expect(result.axis).toBe("attack");
    const names = comparableNames(store);
    expect(compareAxisOf(names, "badnets", "blended")).toBe("attack");
    expect(compareAxisOf(names, "strip", "none")).toBe("defense");
    expect(compareAxisOf(names, "strip", "blended")).toBeUndefined();
    // Two rates x three defenses, each paired over five seeds.
    expect(result.settings.map((s) => [s.shared, s.rate, s.labelA, s.labelB, s.seeds.length])).toEqual(
      ["none", "spectral-signatures", "strip"].flatMap((d) => [
        [d, 0.05, "badnets", "blended", 5],
        [d, 0.1, "badnets", "blended", 5],
      ]),
    );
    for (const s of result.settings) expect(s.meanDifference).toBeCloseTo(0.2, 12);
    // Lower ASR is "better" for the metric's direction: blended, the weaker attack, wins each setting.
    expect(result.wins).toEqual({ a: 0, b: 6, ties: 0 });
    // In one defense's settings only.
    expect(
      comparePlugins(store, {
        a: "badnets",
        b: "blended",
        metric: "attackSuccessRate",
        axis: "attack",
        shared: "strip",
      }).settings.length,
    ).toBe(2);
    store.close();
  });

  it("refuses a name that matches two variants of a defense in one setting, naming both", async () => {
    const store = await tempStore();
    const id = fillSyntheticGrid(store, values);
    const variant = { attack: "badnets", rate: 0.1, defense: "strip frr=0.1", comparison: "badnets/0.1" };
    registerCells(
      store,
      id,
      [1, 2].map((seed) => ({
        ...variant,
        identity: `variant/${seed}`,
        config: { seed },
        dataset: "digits",
        model: "mlp",
        seed,
        setting: "variant",
        chain: [],
      })),
    );
    const at = new Date();
    recordResults(
      store,
      [1, 2].map((seed) => ({
        identity: `variant/${seed}`,
        status: "finished" as const,
        metrics: { attackSuccessRate: 0.3 },
        provenance: {},
        startedAt: at,
        finishedAt: at,
      })),
    );
    expect(() => comparePlugins(store, { a: "strip", b: "none", metric: "attackSuccessRate" })).toThrow(
      '"strip" names 2 defenses in one setting: "strip", "strip frr=0.1"',
    );
    expect(comparePlugins(store, { a: "strip frr=0.1", b: "none", metric: "attackSuccessRate" }).settings).toHaveLength(
      1,
    );
    store.close();
  });
});
