import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../database/open-store.js";
import { fillSyntheticGrid, type SyntheticCell } from "../testing/synthetic-grid.js";
import { evaluateExpectations, latestReproChecks, recordReproChecks } from "./repro-checks.js";

const tempStore = async () => openStore(join(await mkdtemp(join(tmpdir(), "hemlock-repro-")), "hemlock.db"));
// ASR: none 0.9 + seed/100 at rate 0.1 (mean 0.93), strip 0.5, spectral 0.1; accuracy 0.95 (none) and 0.94.
const values = (c: SyntheticCell) => ({
  attackSuccessRate:
    c.defense === "none" ? 0.9 + c.seed / 100 - (c.rate === 0.05 ? 0.1 : 0) : c.defense === "strip" ? 0.5 : 0.1,
  cleanAccuracy: c.defense === "none" ? 0.95 : 0.94,
});

describe("reproduction checks", () => {
  it("pass within an absolute tolerance or a range, and fail outside", async () => {
    const store = await tempStore();
    const id = fillSyntheticGrid(store, values);
    const where = { defense: "none", rate: 0.1 };
    const [near, far, range, below] = evaluateExpectations(store, id, [
      { metric: "attackSuccessRate", where, published: 0.92, tolerance: 0.01, source: "Table 1" },
      { metric: "attackSuccessRate", where, published: 0.9, tolerance: 0.02, source: "Table 1" },
      { metric: "attackSuccessRate", where, published: 0.99, tolerance: [0.9, 1], source: "Section 3" },
      { metric: "attackSuccessRate", where, published: 0.99, tolerance: [0.99, 1], source: "Section 3" },
    ]);
    expect(near).toMatchObject({ passed: true, n: 5 });
    expect(near?.measured).toBeCloseTo(0.93, 12);
    // The 95% t-interval over the five seeds 0.91..0.95: mean 0.93, sd 0.0158, t(4) = 2.776.
    expect((near?.ciHigh ?? 0) - 0.93).toBeCloseTo((2.776445 * Math.sqrt(0.00025)) / Math.sqrt(5), 6);
    expect(far?.passed).toBe(false);
    expect(range?.passed).toBe(true);
    expect(below?.passed).toBe(false);
    store.close();
  });

  it("measure every matched setting with each, a difference with relativeTo, and refuse an ambiguous selector", async () => {
    const store = await tempStore();
    const id = fillSyntheticGrid(store, values);
    const results = evaluateExpectations(store, id, [
      {
        metric: "attackSuccessRate",
        where: { defense: "spectral-signatures" },
        published: 0.1,
        tolerance: 0,
        source: "Fig. 2",
        each: true,
      },
      {
        metric: "cleanAccuracy",
        where: { defense: "strip", rate: 0.1 },
        relativeTo: { defense: "none", rate: 0.1 },
        published: 0,
        tolerance: [-0.003, 0.003],
        source: "Section 4",
      },
      { metric: "attackSuccessRate", where: { defense: "strip" }, published: 0.5, tolerance: 0.1, source: "x" },
      { metric: "attackSuccessRate", where: { defense: "fine-pruning" }, published: 0.5, tolerance: 0.1, source: "x" },
    ]);
    expect(results.map((r) => [r.setting?.rate, r.passed])).toEqual([
      [0.05, true],
      [0.1, true],
      [0.1, false],
      [undefined, false],
      [undefined, false],
    ]);
    expect(results[2]?.measured).toBeCloseTo(-0.01, 12);
    expect(results[3]?.problem).toContain("the selector matches 2 settings");
    expect(results[4]?.problem).toBe("no finished cell matches the selector");
    store.close();
  });

  it("are recorded per round; the latest round of each experiment is read back", async () => {
    const store = await tempStore();
    const id = fillSyntheticGrid(store, values);
    const expectation = {
      metric: "cleanAccuracy",
      where: { defense: "none", rate: 0.1 },
      published: 0.95,
      tolerance: 0.01,
      source: "Table 1",
    };
    recordReproChecks(store, id, evaluateExpectations(store, id, [expectation]), new Date(1000));
    recordReproChecks(store, id, evaluateExpectations(store, id, [{ ...expectation, published: 0.5 }]), new Date(2000));
    const latest = latestReproChecks(store);
    expect(latest).toHaveLength(1);
    expect(latest[0]).toMatchObject({
      experiment: "synthetic",
      published: 0.5,
      passed: false,
      tolerance: 0.01,
      source: "Table 1",
    });
    expect(latest[0]?.measured).toBeCloseTo(0.95, 12);
    expect((store.sqlite.prepare("SELECT count(*) AS n FROM repro_checks").get() as { n: number }).n).toBe(2);
    store.close();
  });
});
