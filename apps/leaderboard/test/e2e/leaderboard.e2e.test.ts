/**
 * The leaderboard in a real browser (Debian's Chromium through playwright-core), over a store that
 * a tiny real grid fills: `hemlock serve` and the site `hemlock publish` writes, on a static server
 * under a base path. Numbers on the pages are checked against `hemlock leaderboard --json` and
 * `hemlock compare --json`; no request may leave the machine. Screenshots go to
 * test-results/screenshots/.
 */
import type { ChildProcess } from "node:child_process";
import { copyFile, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatP, formatValue } from "@hemlock/store/portable";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartMarks, hemlock, openBrowser, REPO, SCREENSHOTS, type Session, serve, staticHost } from "./harness";

interface RankedJson {
  settings: {
    attack: string;
    rate: number;
    entries: { defense: string; mean: number; ciHigh: number; n: number; rank: number; best: boolean }[];
  }[];
}

let dir: string;
let db: string;
let server: { url: string; child: ChildProcess };
let session: Session;
let host: { origin: string; server: Server };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "hemlock-e2e-"));
  db = join(dir, "hemlock.db");
  await hemlock(["run", join(REPO, "apps/leaderboard/test/fixtures/tiny-grid.yaml"), "--db", db]);
  server = await serve(db);
  session = await openBrowser();
}, 300_000);

afterAll(async () => {
  await session?.browser.close();
  server?.child.kill("SIGINT");
  host?.server.close();
});

const rowsOf = (s: Session, setting: string) =>
  s.page.locator(`section[data-setting] >> nth=${setting}`).locator("tbody tr");

describe("hemlock serve", () => {
  it("ranks each setting's defenses exactly as `hemlock leaderboard --json` does", async () => {
    const { page } = session;
    await page.goto(`${server.url}?rate=0.1`);
    await page.locator('[data-testid="shown-count"]', { hasText: "1 of 3 settings shown" }).waitFor();
    const json = JSON.parse(await hemlock(["leaderboard", "--db", db, "--rate", "0.1", "--json"])) as RankedJson;
    const expected = (json.settings[0]?.entries ?? []).map((e) => [
      String(e.rank),
      e.defense,
      `${formatValue("attackSuccessRate", e.mean)} ± ${formatValue("attackSuccessRate", e.ciHigh - e.mean)}`,
      String(e.n),
    ]);
    expect(expected).toHaveLength(3);
    const shown = await rowsOf(session, "0").evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll("td")].slice(0, 4).map((td) => (td.textContent ?? "").trim())),
    );
    expect(shown).toEqual(expected);
    // Clean accuracy stands beside ASR on every row.
    expect(await page.locator("table.board th", { hasText: "clean accuracy" }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, "leaderboard.png"), fullPage: true });
  });

  it("filters, sorts and searches, with the view's state in the URL", async () => {
    const { page } = session;
    await page.goto(server.url);
    const count = page.locator('[data-testid="shown-count"]');
    await count.filter({ hasText: "3 of 3 settings shown" }).waitFor();
    await page.locator('[data-testid="filter-rate"]').selectOption("0.2");
    await count.filter({ hasText: "1 of 3 settings shown" }).waitFor();
    expect(new URL(page.url()).searchParams.get("rate")).toBe("0.2");
    // Sort by defense name: alphabetical, and the URL says so.
    await page.locator("table.board th button", { hasText: "defense" }).first().click();
    const names = await rowsOf(session, "0").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-defense")));
    expect(names).toEqual(["knn-label-sanitization", "none", "perfect-filter"]);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("defense");
    await page.locator("table.board th button", { hasText: "defense" }).first().click();
    expect(await rowsOf(session, "0").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-defense")))).toEqual([
      "perfect-filter",
      "none",
      "knn-label-sanitization",
    ]);
    expect(new URL(page.url()).searchParams.get("dir")).toBe("desc");
    // The search box narrows the rows; a reload of the URL restores everything.
    await page.locator('input[name="q"]').fill("knn");
    await expect
      .poll(() => rowsOf(session, "0").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-defense"))))
      .toEqual(["knn-label-sanitization"]);
    const link = page.url();
    await page.goto(link);
    await expect.poll(() => page.locator('[data-testid="filter-rate"]').inputValue()).toBe("0.2");
    await expect.poll(() => page.locator('input[name="q"]').inputValue()).toBe("knn");
    await expect
      .poll(() => rowsOf(session, "0").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-defense"))))
      .toEqual(["knn-label-sanitization"]);
    // The pivot puts every setting in one table.
    await page.goto(`${server.url}?view=pivot`);
    await page.locator('[data-testid="pivot"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="pivot"] thead th').allTextContents()).toEqual([
      "dataset",
      "model",
      "attack",
      "defense",
      "rate 0",
      "rate 0.1",
      "rate 0.2",
    ]);
  });

  it("downloads the rows the filters select as the same bytes as `hemlock export`", async () => {
    const { page } = session;
    await page.goto(`${server.url}?rate=0.1&defense=none`);
    await page.locator('[data-testid="shown-count"]', { hasText: "1 of 3 settings shown" }).waitFor();
    for (const format of ["csv", "json", "latex", "markdown"]) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`button[data-download="${format}"]`).click(),
      ]);
      const bytes = await readFile((await download.path()) as string, "utf8");
      const exported = await hemlock([
        "export",
        "--db",
        db,
        "--format",
        format,
        "--metric",
        "attackSuccessRate",
        "cleanAccuracy",
        "--rate",
        "0.1",
        "--defense",
        "none",
      ]);
      expect(bytes, format).toBe(exported);
    }
  });

  it("draws a defense's charts with marks, and its rank in each setting", async () => {
    const { page } = session;
    await page.goto(`${server.url}defenses/knn-label-sanitization/`);
    expect(await page.locator("h1").textContent()).toBe("Defense: knn-label-sanitization");
    expect(await page.locator("dl.facts").textContent()).toContain("citation");
    expect(await page.locator('[data-testid="defense-ranks"] tbody tr').count()).toBe(3);
    expect(await chartMarks(page, "ASR and clean accuracy against rate")).toBeGreaterThan(5);
    expect(await chartMarks(page, "Pareto front")).toBeGreaterThan(5);
    await page.screenshot({ path: join(SCREENSHOTS, "defense.png"), fullPage: true });
  });

  it("shows the compare page's paired tests as `hemlock compare --json` computes them", async () => {
    const { page } = session;
    // A pair has one page, its names in alphabetical order, whichever order the picker was given.
    await page.goto(`${server.url}compare/?a=none&b=knn-label-sanitization`);
    await page.waitForURL(/compare\/knn-label-sanitization\/none\/$/);
    const json = JSON.parse(await hemlock(["compare", "knn-label-sanitization", "none", "--db", db, "--json"])) as {
      settings: { rate: number; t: { p: number }; pAdjusted: number }[];
      wins: { a: number; b: number; ties: number };
    };
    const table = page.locator('[data-testid="compare-attackSuccessRate"] tbody tr');
    expect(await table.count()).toBe(json.settings.length);
    const cells = await table.first().locator("td").allTextContents();
    expect(cells[3]).toBe(String(json.settings[0]?.rate));
    expect(cells[8]).toBe(formatP(json.settings[0]?.t.p as number));
    expect(cells[10]).toBe(formatP(json.settings[0]?.pAdjusted as number));
    expect(await page.locator('[data-testid="wins-attackSuccessRate"]').textContent()).toContain(
      `knn-label-sanitization better in ${json.wins.a}, none better in ${json.wins.b}, no significant difference in ${json.wins.ties}`,
    );
    expect(await chartMarks(page, "paired differences")).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, "compare.png"), fullPage: true });
  });

  it("shows a cell's provenance and training curve, and an experiment's grid", async () => {
    const { page } = session;
    await page.goto(`${server.url}experiments/tiny/`);
    expect(await page.locator('[data-testid="status-counts"]').textContent()).toContain("finished27");
    expect(await chartMarks(page, "grid heatmap: attack success rate (%)")).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="spec-text"]').textContent()).toContain("name: tiny");
    await page.screenshot({ path: join(SCREENSHOTS, "experiment.png"), fullPage: true });
    await page.locator("table a code").first().click();
    await page.waitForURL(/\/cells\/\?id=[0-9a-f]{64}$/);
    const provenance = (await page.locator('[data-testid="provenance"]').textContent()) ?? "";
    expect(provenance).toContain("backend");
    expect(provenance).toMatch(/Node\s*v20|Nodev2\d/);
    expect(provenance).toContain("peak RSS");
    expect(await chartMarks(page, "training curve")).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(SCREENSHOTS, "cell.png"), fullPage: true });
  });

  it("answers unknown names with the 404 page and an unknown metric with the metrics there are", async () => {
    const { page } = session;
    for (const path of ["experiments/nope/", "cells/0000/", "defenses/nope/", "leaderboard/bogus/"]) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(404);
    }
    expect(await page.locator("main").textContent()).toContain("attack success rate (%)");
    const response = await page.goto(`${server.url}experiments/nope/`);
    expect(await response?.text()).toContain("Nothing in this results store has that name");
  });

  it("answers 503 with the reason and the fix when the store it serves can no longer be read", async () => {
    const copy = join(dir, "served-copy.db");
    await copyFile(db, copy);
    const other = await serve(copy);
    try {
      expect((await fetch(other.url)).status).toBe(200);
      // Replaced while served by a file that is not a store (as a bad copy or a foreign tool would).
      await writeFile(copy, "this is not a Hemlock results store\n".repeat(200));
      const response = await fetch(other.url);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain(copy);
      expect((await fetch(`${other.url}data/files.json`)).status).toBe(503);
    } finally {
      other.child.kill("SIGINT");
    }
  });

  it("made no request that left the machine, and threw no error", () => {
    const outside = session.requests.filter((u) => !u.startsWith("http://127.0.0.1:") && !u.startsWith("data:"));
    expect(outside).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});

describe("hemlock publish", () => {
  // Publishing under a base path runs its own `next build` (Next.js fixes the base path at build
  // time): about 50 s here with both cores busy, and more while CI runs the core and CLI suites
  // beside it, so this test has ten minutes rather than the shared two.
  it("writes a site that a static server hosts under a base path, every page working", async () => {
    const site = join(dir, "site");
    const printed = await hemlock(["publish", "--db", db, "--out", site, "--base-path", "/sub"]);
    expect(printed).toMatch(/wrote \d+ pages/);
    // Cells are one page that reads the cell from its shard: every cell is in one shard file.
    expect(await readdir(join(site, "cells"))).toEqual(["index.html"]);
    const shards = await readdir(join(site, "data", "cells"));
    const published = (
      await Promise.all(
        shards.map(
          async (f) => JSON.parse(await readFile(join(site, "data", "cells", f), "utf8")) as { identity: string }[],
        ),
      )
    ).flat();
    expect(published).toHaveLength(27);
    const prefix = (shards[0] as string).length - ".json".length;
    expect(published.every((c) => shards.includes(`${c.identity.slice(0, prefix)}.json`))).toBe(true);
    host = await staticHost(site, "/sub");
    const { page } = session;
    const before = session.requests.length;
    await page.goto(`${host.origin}/sub/?rate=0.1`);
    await page.locator('[data-testid="shown-count"]', { hasText: "1 of 3 settings shown" }).waitFor();
    await page.locator("table.board a", { hasText: "knn-label-sanitization" }).first().click();
    await page.waitForURL(`${host.origin}/sub/defenses/knn-label-sanitization/`);
    expect(await chartMarks(page, "Pareto front")).toBeGreaterThan(5);
    await page.goto(`${host.origin}/sub/compare/?a=none&b=perfect-filter`);
    await page.waitForURL(/\/sub\/compare\/none\/perfect-filter\/$/);
    expect(await page.locator('[data-testid="compare-cleanAccuracy"] tbody tr').count()).toBeGreaterThan(0);
    await page.goto(`${host.origin}/sub/experiments/tiny/`);
    expect(await chartMarks(page, "grid heatmap: attack success rate (%)")).toBeGreaterThan(0);
    // A cell's page on the static host: the one cells page, reading the cell from its shard.
    await page.locator("table a code").first().click();
    await page.waitForURL(/\/sub\/cells\/\?id=[0-9a-f]{64}$/);
    await page.locator('[data-testid="provenance"]').waitFor();
    expect(await page.locator('[data-testid="provenance"]').textContent()).toContain("peak RSS");
    expect(await chartMarks(page, "training curve")).toBeGreaterThanOrEqual(2);
    await page.goto(`${host.origin}/sub/cells/?id=${"0".repeat(64)}`);
    await page.locator('[role="alert"]', { hasText: "This site has no cell" }).waitFor();
    const failed = session.requests.slice(before).filter((u) => !u.startsWith(`${host.origin}/sub/`));
    expect(failed).toEqual([]);
    expect(session.errors).toEqual([]);
  }, 600_000);
});
