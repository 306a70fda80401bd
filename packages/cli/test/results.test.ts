/**
 * The commands a researcher uses after a run, on a store built by really running a small grid
 * (digits, a tiny MLP, BadNets at two rates, three defenses, three seeds): leaderboard, compare,
 * export, plot and bundles, each checked against the stored per-seed values.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RankedSetting } from "@hemlock/store/reports";
import { holmAdjust, pairedTTest } from "@hemlock/store/statistics";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const GRID = `name: small
dataset: digits
model: {name: mlp, hidden: [16]}
train: {epochs: 4, batchSize: 64, optimizer: {name: sgd, lr: 0.05, momentum: 0.9}}
seeds: 3
holdout: {size: 60}
grid:
  attack: [{name: badnets, trigger: {kind: patch, size: 2}}]
  rate: [0.05, 0.1]
  defense: [none, perfect-filter, knn-label-sanitization]
`;

let dir: string;
let db: string;

/** Per-seed values of a metric for a defense at a rate, in seed order. */
function values(path: string, defense: string, rate: number, metric: string): number[] {
  const d = new Database(path, { readonly: true });
  try {
    return (
      d
        .prepare(
          `SELECT m.value FROM cells c JOIN metrics m ON m.identity = c.identity
           WHERE c.defense = ? AND c.rate = ? AND m.name = ? ORDER BY c.seed`,
        )
        .all(defense, rate, metric) as { value: number }[]
    ).map((r) => r.value);
  } finally {
    d.close();
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "hemlock-results-"));
  db = join(dir, "hemlock.db");
  await writeFile(join(dir, "small.yaml"), GRID);
  const run = await runCli(["run", join(dir, "small.yaml"), "--db", db, "--workers", "1"]);
  expect(run.code).toBe(0);
}, 300_000);

describe("hemlock leaderboard", () => {
  it("ranks the defenses in each setting with means, intervals and Holm-corrected paired tests against the best", async () => {
    const out = await runCli(["leaderboard", "--db", db, "--json"]);
    expect(out.code).toBe(0);
    const { settings: ranked, acrossSettings } = JSON.parse(out.stdout) as {
      settings: RankedSetting[];
      acrossSettings: { defenses: string[]; meanRanks: number[]; settings: number };
    };
    // perfect-filter is best in both settings: mean rank 1 in the Friedman test across them.
    expect(acrossSettings.settings).toBe(2);
    expect(acrossSettings.meanRanks[acrossSettings.defenses.indexOf("perfect-filter")]).toBe(1);
    expect(ranked.map((s) => [s.attack, s.rate, s.entries.length])).toEqual([
      ["badnets", 0.05, 3],
      ["badnets", 0.1, 3],
    ]);
    for (const setting of ranked) {
      expect(setting.higherIsBetter).toBe(false);
      const best = setting.entries[0];
      // Removing exactly the poisons leaves no backdoor.
      expect(best?.defense).toBe("perfect-filter");
      const bestValues = values(db, "perfect-filter", setting.rate, "attackSuccessRate");
      const others = setting.entries.slice(1);
      const raw = others.map(
        (e) => pairedTTest(values(db, e.defense, setting.rate, "attackSuccessRate"), bestValues).p,
      );
      const holm = holmAdjust(raw);
      others.forEach((e, i) => {
        expect(e.n).toBe(3);
        expect(e.mean).toBeCloseTo(mean(values(db, e.defense, setting.rate, "attackSuccessRate")), 12);
        expect(e.versusBest?.pAdjusted).toBeCloseTo(holm[i] as number, 12);
      });
      // Means are in the metric's better order.
      const means = setting.entries.map((e) => e.mean);
      expect(means).toEqual([...means].sort((a, b) => a - b));
    }
    const text = await runCli(["leaderboard", "--db", db, "--rate", "0.1"]);
    expect(text.stdout).toContain("digits · mlp · badnets · rate 0.1");
    expect(text.stdout).not.toContain("rate 0.05");
    expect(text.stdout).toMatch(/│ 1\s+│ perfect-filter\s+│ 0\.0 ± 0\.0\s+│ 3 │ best/);
    const all = await runCli(["leaderboard", "--db", db, "--interval", "bootstrap"]);
    expect(all.stdout).toContain("bootstrap interval");
    expect(all.stdout).toMatch(
      /Across 2 settings, Friedman test: χ² = [\d.]+, df = 2, p = [\d.<]+; mean ranks \(1 = best\): perfect-filter 1\.00/,
    );
  });

  it("names the metrics and labels that exist when a filter matches nothing", async () => {
    const metric = await runCli(["leaderboard", "--db", db, "--metric", "asr"]);
    expect(metric.code).toBe(1);
    expect(metric.stderr).toContain('--metric: no metric "asr" in');
    expect(metric.stderr).toMatch(/Metrics there: .*attackSuccessRate/);
    const attack = await runCli(["leaderboard", "--db", db, "--attack", "blended"]);
    expect(attack.code).toBe(1);
    expect(attack.stderr).toContain("no finished cells in");
    expect(attack.stderr).toContain("match --attack blended");
    const rate = await runCli(["leaderboard", "--db", db, "--rate", "ten"]);
    expect(rate.stderr).toContain('--rate: expected a number in [0, 1), got "ten"');
  });
});

describe("hemlock compare", () => {
  it("tests two defenses in every shared setting and counts wins", async () => {
    const out = await runCli(["compare", "perfect-filter", "none", "--db", db, "--json"]);
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as {
      settings: { rate: number; seeds: number[]; meanDifference: number; t: { p: number } }[];
      wins: { a: number; b: number; ties: number };
    };
    expect(result.settings.map((s) => [s.rate, s.seeds])).toEqual([
      [0.05, [1, 2, 3]],
      [0.1, [1, 2, 3]],
    ]);
    for (const s of result.settings) {
      const a = values(db, "perfect-filter", s.rate, "attackSuccessRate");
      const b = values(db, "none", s.rate, "attackSuccessRate");
      expect(s.meanDifference).toBeCloseTo(mean(a) - mean(b), 12);
      expect(s.t.p).toBeCloseTo(pairedTTest(a, b).p, 12);
    }
    expect(result.wins).toEqual({ a: 2, b: 0, ties: 0 });
    const text = await runCli(["compare", "perfect-filter", "none", "--db", db, "--metric", "cleanAccuracy"]);
    expect(text.stdout).toMatch(/perfect-filter better in \d, none better in \d, no significant difference in \d/);
    const none = await runCli(["compare", "perfect-filter", "strip", "--db", db]);
    expect(none.code).toBe(1);
    // This store has no strip: the names are not two of its defenses (nor two attacks).
    expect(none.stderr).toContain('"perfect-filter" and "strip" are not two defenses nor two attacks');
  });
});

describe("hemlock export", () => {
  it("writes CSV and JSON rows, and LaTeX and Markdown tables with the best in bold", async () => {
    const csv = await runCli([
      "export",
      "--format",
      "csv",
      "--db",
      db,
      "--metric",
      "cleanAccuracy",
      "attackSuccessRate",
    ]);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe("dataset,model,attack,rate,defense,metric,mean,sd,n,ci_low,ci_high,setting");
    expect(lines).toHaveLength(1 + 6 * 2);
    const json = JSON.parse((await runCli(["export", "--format", "json", "--db", db])).stdout) as {
      defense: string;
      rate: number;
      metric: string;
      mean: number;
    }[];
    const noneAsr = json.find((r) => r.defense === "none" && r.rate === 0.1 && r.metric === "attackSuccessRate");
    expect(noneAsr?.mean).toBeCloseTo(mean(values(db, "none", 0.1, "attackSuccessRate")), 12);
    expect(lines.some((l) => l.startsWith(`digits,mlp,badnets,0.1,none,attackSuccessRate,${noneAsr?.mean}`))).toBe(
      true,
    );

    const latex = (await runCli(["export", "--format", "latex", "--db", db])).stdout;
    expect(latex).toContain("\\toprule");
    expect(latex).toContain("\\bottomrule");
    expect(latex).toContain("Model & Attack & Defense & $r = 0.05$ & $r = 0.1$ \\\\");
    expect(latex).toMatch(
      /mlp & badnets & perfect-filter & \\textbf\{\d+\.\d \$\\pm\$ \d+\.\d\} & \\textbf\{0\.0 \$\\pm\$ 0\.0\} \\\\/,
    );
    const out = join(dir, "table.md");
    const md = await runCli(["export", "--format", "markdown", "--db", db, "--out", out]);
    expect(md.code).toBe(0);
    const text = await readFile(out, "utf8");
    expect(text).toContain("| model | attack | defense | rate 0.05 | rate 0.1 |");
    expect(text).toMatch(/\| mlp \| badnets \| perfect-filter \| \*\*\d+\.\d ± \d+\.\d\*\* \| \*\*0\.0 ± 0\.0\*\* \|/);
  });
});

describe("hemlock plot", () => {
  it("renders ASR and clean accuracy against rate, and the Pareto front, to SVG and PNG", async () => {
    const svg = join(dir, "rate.svg");
    const rate = await runCli(["plot", "--db", db, "--out", svg]);
    expect(rate.code).toBe(0);
    expect(rate.stdout).toContain("1 panels × 2 metrics, 3 defenses");
    const text = await readFile(svg, "utf8");
    expect(text.startsWith("<svg")).toBe(true);
    for (const label of ["knn-label-sanitization", "perfect-filter", "poisoning rate", "attack success rate"])
      expect(text).toContain(label);
    const png = join(dir, "pareto.png");
    const pareto = await runCli(["plot", "--kind", "pareto", "--db", db, "--out", png]);
    expect(pareto.code).toBe(0);
    expect(pareto.stdout).toMatch(/3 defenses|6 defenses in 2 settings, [1-6] on Pareto fronts/);
    const bytes = await readFile(png);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const bad = await runCli(["plot", "--db", db, "--out", join(dir, "chart.pdf")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("expected a file ending in .svg or .png");
  });
});

describe("hemlock bundle", () => {
  it("exports an experiment, imports it elsewhere idempotently, and refuses tampering and conflicts", async () => {
    const file = join(dir, "small.bundle.json.gz");
    const exported = await runCli(["bundle", "export", "small", "--db", db, "--out", file]);
    expect(exported.stdout).toContain("experiment small, 18 finished and 0 failed cells");
    const other = join(dir, "other.db");
    const first = await runCli(["bundle", "import", file, "--db", other]);
    expect(first.stdout).toContain("experiment small (new): 18 cells added, 0 already present and identical");
    const again = await runCli(["bundle", "import", file, "--db", other]);
    expect(again.stdout).toContain("(already in the store): 0 cells added, 18 already present and identical");
    const board = (path: string) => runCli(["leaderboard", "--db", path, "--json"]).then((r) => JSON.parse(r.stdout));
    expect(await board(other)).toEqual(await board(db));

    // A bundle edited by hand is refused, naming the cell.
    const plain = join(dir, "small.bundle.json");
    await runCli(["bundle", "export", "small", "--db", db, "--out", plain]);
    const bundle = JSON.parse(await readFile(plain, "utf8"));
    bundle.cells[3].metrics[0].value = 0.5;
    await writeFile(plain, JSON.stringify(bundle));
    const tampered = await runCli(["bundle", "import", plain, "--db", join(dir, "third.db")]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain(`cells[3] (cell ${bundle.cells[3].identity}) does not match its checksum`);

    // A store that measured one of the cells differently keeps its value and refuses the import.
    const d = new Database(other);
    const identity = (d.prepare("SELECT identity FROM cells LIMIT 1").get() as { identity: string }).identity;
    d.prepare("UPDATE metrics SET value = 0.123 WHERE identity = ? AND name = 'cleanAccuracy'").run(identity);
    d.close();
    const conflict = await runCli(["bundle", "import", file, "--db", other]);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain(`cell ${identity}`);
    expect(conflict.stderr).toContain("with different metrics: nothing was imported");
    expect(existsSync(join(dir, "third.db"))).toBe(false);
  });
});
