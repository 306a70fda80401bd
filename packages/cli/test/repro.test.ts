/**
 * `hemlock repro` end to end: a reproduction file on the bundled digits with one number that
 * reproduces and one that does not (exit 1, both recorded, the report written), --check-only on
 * the store, refusals; and, with the real data, the DPA target (2-means on MNIST 1-vs-7).
 */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const DATA = process.env.HEMLOCK_DATA_DIR;

const FILE = `name: tiny-repro
paper: {authors: [Ada Lovelace, Alan Turing], title: A Tiny Paper, venue: arXiv, year: 2020}
dataset: digits
model: {name: mlp, hidden: [16]}
train: {epochs: 4, batchSize: 64, optimizer: {name: sgd, lr: 0.05, momentum: 0.9}}
seeds: 2
holdout: {size: 0}
grid:
  attack: [{name: badnets, trigger: {kind: patch, size: 2}}]
  rate: [0, 0.1]
expect:
  - metric: attackSuccessRate
    where: {rate: 0.1}
    published: 0.95
    tolerance: [0.5, 1]
    source: Table 1
  - metric: cleanAccuracy
    where: {rate: 0.1}
    published: 0.2
    tolerance: 0.01
    source: Table 2
  - metric: cleanAccuracy
    where: {rate: 0.1}
    relativeTo: {rate: 0}
    published: 0
    tolerance: [-0.2, 0.2]
    source: Section 3
differences:
  - what: Four epochs instead of the paper's hundred.
    effect: lower clean accuracy.
findings: The clean accuracy of Table 2 is a typo in this made-up paper.
`;

describe("hemlock repro", () => {
  it("runs the grid, checks each published number, records the checks, writes the report, and fails on a miss", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hemlock-repro-"));
    const file = join(dir, "tiny.yaml");
    const db = join(dir, "hemlock.db");
    const report = join(dir, "reproductions.md");
    await writeFile(file, FILE);
    const out = await runCli(["repro", file, "--db", db, "--report", report, "--workers", "1"]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("tiny-repro");
    expect(out.stdout).toContain("2 of 3 checks pass");
    const rows = new Database(db, { readonly: true })
      .prepare("SELECT metric, published, passed, measured, source FROM repro_checks ORDER BY id")
      .all() as { metric: string; published: number; passed: number; measured: number; source: string }[];
    expect(rows.map((r) => [r.metric, r.source, r.passed])).toEqual([
      ["attackSuccessRate", "Table 1", 1],
      ["cleanAccuracy", "Table 2", 0],
      ["cleanAccuracy", "Section 3", 1],
    ]);
    expect(rows[0]?.measured).toBeGreaterThanOrEqual(0.5);
    const page = await readFile(report, "utf8");
    expect(page).toContain("| [Lovelace & Turing 2020](#tiny-repro) | 2 of 3 pass (**failing**) |");
    expect(page).toContain("| clean accuracy (%) | digits · mlp · badnets · rate 0.1 · none | 20.0 % |");
    expect(page).toContain("**FAIL** | Table 2 |");
    expect(page).toContain("- Four epochs instead of the paper's hundred. Likely effect: lower clean accuracy.");
    expect(page).toContain("The clean accuracy of Table 2 is a typo");
    expect(page).toMatch(/Run on this machine: [\d.]+ s for 4 cells \(0 already in the store\)/);

    // Checking again from the store runs nothing and adds a second round of checks.
    const again = await runCli(["repro", file, "--db", db, "--check-only"]);
    expect(again.code).toBe(1);
    expect(again.stdout).not.toContain("to run");
    const count = new Database(db, { readonly: true }).prepare("SELECT count(*) AS n FROM repro_checks").get();
    expect(count).toEqual({ n: 6 });
  }, 180_000);

  it("refuses a file without a paper or expectations, and an unrun experiment with --check-only", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hemlock-repro-"));
    const plain = join(dir, "plain.yaml");
    await writeFile(plain, "name: plain\ndataset: digits\nmodel: mlp\nholdout: {size: 0}\n");
    const out = await runCli(["repro", plain, "--db", join(dir, "h.db")]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`${plain}: a reproduction file needs a paper block and an expect list`);
    const file = join(dir, "tiny.yaml");
    await writeFile(file, FILE);
    const unrun = await runCli(["repro", file, "--db", join(dir, "h.db"), "--check-only"]);
    expect(unrun.stderr).toContain("experiment tiny-repro has not run in");
    const none = await runCli(["repro", "--db", join(dir, "h.db")]);
    expect(none.stderr).toContain("give reproduction files, or --all");
  });

  it.runIf(DATA)(
    "reproduces Levine & Feizi's 2-means label-flip certificate on MNIST 1-vs-7 (CI target)",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "hemlock-repro-dpa-"));
      const out = await runCli([
        "repro",
        join(REPO, "experiments/repro/levine-feizi-2021-dpa.yaml"),
        "--db",
        join(dir, "h.db"),
        "--data-dir",
        DATA as string,
      ]);
      expect(out.stderr).toBe("");
      expect(out.code).toBe(0);
      expect(out.stdout).toContain("2 of 2 checks pass");
      const rows = new Database(join(dir, "h.db"), { readonly: true })
        .prepare("SELECT metric, measured FROM repro_checks ORDER BY id")
        .all();
      // Published: 95.5% and 5,952 flips (Section 4).
      expect(rows).toEqual([
        { metric: "cleanAccuracy", measured: expect.closeTo(0.9552, 4) },
        { metric: "defense.certifiedFlips", measured: 5952 },
      ]);
    },
    300_000,
  );

  it.runIf(DATA).each([
    {
      target: "BadNets, reduced for CI (20,000 images, 4 epochs, looser checks)",
      file: "experiments/repro/reduced/gu-2017-badnets-reduced.yaml",
      metrics: ["cleanAccuracy", "attackSuccessRate", "attackSuccessRate", "cleanAccuracy", "cleanAccuracy"],
      first: 0.97,
    },
    {
      target: "Activation Clustering, reduced for CI (10,000 images, p = 33%, looser checks)",
      file: "experiments/repro/reduced/chen-2018-activation-clustering-reduced.yaml",
      metrics: ["detection.accuracy", "detection.f1"],
      first: 0.9,
    },
    {
      target: "Biggio et al., reduced for CI (MNIST 7 vs 1 only, 3 draws, looser checks)",
      file: "experiments/repro/reduced/biggio-2012-svm-poisoning-reduced.yaml",
      metrics: ["cleanAccuracy", "cleanAccuracy", "cleanAccuracy"],
      first: 0.94,
    },
  ])(
    "runs $target",
    async ({ file, metrics, first }) => {
      const dir = await mkdtemp(join(tmpdir(), "hemlock-repro-reduced-"));
      const db = join(dir, "h.db");
      const out = await runCli(["repro", join(REPO, file), "--db", db, "--data-dir", DATA as string], {}, 900_000);
      expect(out.stdout).toContain(`${metrics.length} of ${metrics.length} checks pass`);
      expect(out.code).toBe(0);
      const rows = new Database(db, { readonly: true })
        .prepare("SELECT metric, measured FROM repro_checks ORDER BY id")
        .all() as { metric: string; measured: number }[];
      expect(rows.map((r) => r.metric)).toEqual(metrics);
      expect(rows[0]?.measured).toBeGreaterThanOrEqual(first);
    },
    900_000,
  );
});
