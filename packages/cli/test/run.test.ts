/**
 * `hemlock run` end to end on the bundled digits with tiny models: results and artifacts
 * recorded, reruns skip finished cells and reuse trained models, a failing cell is recorded and
 * the rest go on, and after kill -9 a rerun completes exactly the missing cells.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { queryStore as query } from "./query-store.js";
import { runCli } from "./run-cli.js";

const GRID = (extraDefense = "") => `name: tiny
dataset: digits
model: {name: mlp, hidden: [16]}
train: {epochs: 3, batchSize: 64, optimizer: {name: sgd, lr: 0.05, momentum: 0.9}}
seeds: 2
holdout: {size: 60}
grid:
  attack: [label-flip, {name: badnets, trigger: {kind: patch, size: 2}}]
  rate: [0.1]
  defense: [none, perfect-filter${extraDefense}]
`;

async function setup(text: string) {
  const dir = await mkdtemp(join(tmpdir(), "hemlock-run-"));
  const file = join(dir, "tiny.yaml");
  await writeFile(file, text);
  return { dir, file, db: join(dir, "hemlock.db") };
}

describe("hemlock run", () => {
  it("records every cell with metrics and provenance, trains each poisoned model once, and a rerun does nothing", async () => {
    const { file, db } = await setup(GRID());
    const first = await runCli(["run", file, "--db", db, "--workers", "2"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    // 2 attacks x 2 seeds poisoned models, plus a retrain for each perfect-filter cell.
    expect(first.stdout).toMatch(
      /tiny: 8 finished, 0 failed, 0 already done, 0 not run; 8 models trained, 4 poisoned datasets made;/,
    );
    expect(first.stdout).toMatch(/digits: attack success rate \(%\)/);
    expect(query(db, "SELECT status, count(*) AS n FROM cells GROUP BY status")).toEqual([
      { status: "finished", n: 8 },
    ]);
    const [row] = query(db, "SELECT provenance FROM cells WHERE defense = 'none' LIMIT 1") as { provenance: string }[];
    expect(Object.keys(JSON.parse(row?.provenance ?? "{}"))).toEqual(
      expect.arrayContaining([
        "gitSha",
        "dirty",
        "hemlockVersion",
        "node",
        "backend",
        "host",
        "worker",
        "startedAt",
        "finishedAt",
        "wallMs",
        "peakRssKb",
        "seed",
      ]),
    );
    // Perfect filtering removes exactly the poisons: detection is exact.
    expect(query(db, "SELECT DISTINCT value FROM metrics WHERE name = 'detection.precision'")).toEqual([{ value: 1 }]);
    expect(query(db, "SELECT kind, count(*) AS n FROM artifacts GROUP BY kind ORDER BY kind")).toEqual([
      { kind: "poisoned-data", n: 4 },
      { kind: "trained-model", n: 8 },
    ]);

    const again = await runCli(["run", file, "--db", db]);
    expect(again.stdout).toMatch(/tiny: 0 finished, 0 failed, 8 already done, 0 not run; 0 models trained/);
    const forced = await runCli(["run", file, "--db", db, "--force"]);
    // Every cell reruns, and every model and poisoned dataset comes from the artifact store.
    expect(forced.stdout).toMatch(
      /tiny: 8 finished, 0 failed, 0 already done, 0 not run; 0 models trained, 0 poisoned datasets made;/,
    );
  });

  it("a defense added to a finished grid reads the saved poisons back, triggered test split included", async () => {
    const { file, db } = await setup(GRID());
    expect((await runCli(["run", file, "--db", db])).code).toBe(0);
    const asr = () =>
      query(
        db,
        "SELECT c.seed, m.value FROM cells c JOIN metrics m ON m.identity = c.identity WHERE m.name = 'attackSuccessRate' AND c.defense = 'none' AND c.attack = 'badnets' ORDER BY c.seed",
      );
    const before = asr();
    await writeFile(file, GRID(", {name: strip, overlays: 20}"));
    const storeBytes = async () =>
      Promise.all([db, `${db}-wal`].map(async (f) => (existsSync(f) ? (await readFile(f)).toString("base64") : "")));
    const beforePlan = await storeBytes();
    const plan = await runCli(["plan", file, "--db", db]);
    // A dry run opens the store read-only: not a byte of it (or of its write-ahead log) changes.
    expect(await storeBytes()).toEqual(beforePlan);
    // The poisoned data and the poisoned models exist; only STRIP's detectors are new.
    expect(plan.stdout).toMatch(/artifacts to build: 4 defended, 4 metrics\n/);
    const grown = await runCli(["run", file, "--db", db]);
    expect(grown.code).toBe(0);
    expect(grown.stdout).toMatch(
      /tiny: 4 finished, 0 failed, 8 already done, 0 not run; 0 models trained, 0 poisoned datasets made;/,
    );
    // STRIP scored the triggered test inputs read back from disk: for the backdoor cells, the
    // share of triggered inputs flagged is recorded.
    const flagged = query(
      db,
      "SELECT c.attack, count(m.value) AS n FROM cells c LEFT JOIN metrics m ON m.identity = c.identity AND m.name = 'inputDetection.tpr' WHERE c.defense = 'strip' GROUP BY c.attack ORDER BY c.attack",
    );
    expect(flagged).toEqual([
      { attack: "badnets", n: 2 },
      { attack: "label-flip", n: 0 },
    ]);
    // And a forced rerun from the saved poisons reproduces the attack success rates exactly.
    await runCli(["run", file, "--db", db, "--force"]);
    expect(asr()).toEqual(before);
    expect(before).toHaveLength(2);
  });

  it("a corrupt kept poisoned dataset fails only its group's cells, says what to do, and is rebuilt once deleted", async () => {
    const { file, db } = await setup(GRID());
    expect((await runCli(["run", file, "--db", db])).code).toBe(0);
    const results = () =>
      query(
        db,
        "SELECT c.identity, m.name, m.value FROM cells c JOIN metrics m ON m.identity = c.identity ORDER BY c.identity, m.name",
      );
    const before = results();
    const poisons = join(`${db}.artifacts`, "poisoned-data");
    const [key] = await readdir(poisons);
    const bin = join(poisons, key as string, "poisoned.bin");
    const bytes = await readFile(bin);
    bytes[100] = (bytes[100] as number) ^ 0xff;
    await writeFile(bin, bytes);

    const forced = await runCli(["run", file, "--db", db, "--force"]);
    expect(forced.code).toBe(1);
    // That poisoned dataset serves one group: its two cells (none, perfect-filter) fail.
    expect(forced.stdout).toMatch(/tiny: 6 finished, 2 failed, 0 already done, 0 not run;/);
    const failed = query(db, "SELECT error FROM cells WHERE status = 'failed'") as { error: string }[];
    expect(failed).toHaveLength(2);
    for (const { error } of failed) {
      expect(error).toContain(`${join(poisons, key as string)}: poisoned.bin has sha256 `);
      expect(error).toMatch(/the manifest says [0-9a-f]{64}\. Delete the directory, and the next run rebuilds it\.$/);
    }
    // Nothing recorded earlier is lost: every cell still has the metrics of its last good run.
    expect(results()).toEqual(before);

    await rm(join(poisons, key as string), { recursive: true });
    const rebuilt = await runCli(["run", file, "--db", db, "--rerun", "failed"]);
    expect(rebuilt.code).toBe(0);
    // The poisons are made again (deterministically) and the kept models are reused.
    expect(rebuilt.stdout).toMatch(
      /tiny: 2 finished, 0 failed, 6 already done, 0 not run; 0 models trained, 1 poisoned datasets made;/,
    );
    expect(results()).toEqual(before);
  });

  it("records a failing cell's error and stack, finishes the others, and exits non-zero", async () => {
    const { file, db } = await setup(GRID(", {name: random-filter, count: 100000}"));
    const result = await runCli(["run", file, "--db", db, "--json"]);
    expect(result.code).toBe(1);
    const failed = query(db, "SELECT defense, error, stack FROM cells WHERE status = 'failed'") as {
      defense: string;
      error: string;
      stack: string;
    }[];
    expect(failed).toHaveLength(4);
    expect(new Set(failed.map((f) => f.defense))).toEqual(new Set(["random-filter"]));
    expect(failed[0]?.error).toMatch(/^defense\.count: 100000 is more than the \d+ training examples$/);
    expect(failed[0]?.stack).toMatch(/at /);
    expect(query(db, "SELECT count(*) AS n FROM cells WHERE status = 'finished'")).toEqual([{ n: 8 }]);
    const events = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string });
    expect(events[0]?.type).toBe("start");
    expect(events.filter((e) => e.type === "cell")).toHaveLength(12);
    expect(events.at(-1)).toMatchObject({ type: "summary", finished: 8, failed: 4 });
  });

  it("after kill -9, a rerun completes exactly the missing cells: no duplicates, nothing lost", async () => {
    const { file, db } = await setup(GRID().replace("seeds: 2", "seeds: 6"));
    const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
    const child = spawn(process.execPath, [bin, "run", file, "--db", db, "--workers", "1", "--json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let finishedBeforeKill = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        finishedBeforeKill += (chunk.toString().match(/"type":"cell"/g) ?? []).length;
        if (finishedBeforeKill >= 5 && !child.killed) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => resolve());
    });
    await new Promise((r) => child.on("exit", r));
    const recorded =
      (query(db, "SELECT count(*) AS n FROM cells WHERE status = 'finished'") as { n: number }[])[0]?.n ?? 0;
    expect(recorded).toBeGreaterThanOrEqual(5);
    expect(recorded).toBeLessThan(24);
    const rerun = await runCli(["run", file, "--db", db]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`tiny: ${24 - recorded} finished, 0 failed, ${recorded} already done, 0 not run`);
    expect(query(db, "SELECT status, count(*) AS n FROM cells GROUP BY status")).toEqual([
      { status: "finished", n: 24 },
    ]);
    expect(query(db, "SELECT count(DISTINCT identity) AS n FROM metrics WHERE name = 'cleanAccuracy'")).toEqual([
      { n: 24 },
    ]);
    expect(query(db, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  });

  it("on the first SIGINT finishes the running cells, records them, and stops; a rerun completes the rest", async () => {
    const { file, db } = await setup(GRID().replace("seeds: 2", "seeds: 6"));
    const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
    const child = spawn(process.execPath, [bin, "run", file, "--db", db, "--workers", "1", "--json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        const before = out.includes('"type":"cell"');
        out += chunk.toString();
        if (!before && out.includes('"type":"cell"')) child.kill("SIGINT");
      });
      child.on("exit", (c) => resolve(c));
    });
    expect(code).toBe(1);
    expect(stderr).toContain("interrupted: finishing the running cells");
    const summary = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as { finished: number; notRun: number };
    expect(summary.finished + summary.notRun).toBe(24);
    expect(summary.notRun).toBeGreaterThan(0);
    // Nothing is left claimed, and what finished is recorded.
    expect(query(db, "SELECT count(*) AS n FROM cells WHERE status = 'running'")).toEqual([{ n: 0 }]);
    expect(query(db, "SELECT count(*) AS n FROM cells WHERE status = 'finished'")).toEqual([{ n: summary.finished }]);
    const rerun = await runCli(["run", file, "--db", db]);
    expect(rerun.stdout).toContain(
      `tiny: ${summary.notRun} finished, 0 failed, ${summary.finished} already done, 0 not run`,
    );
  });

  it("leaves failed cells alone on rerun unless asked, retries with --retries, and stops early with --fail-fast", async () => {
    const { file, db } = await setup(GRID(", {name: random-filter, count: 100000}"));
    const fast = await runCli(["run", file, "--db", db, "--workers", "1", "--fail-fast"]);
    expect(fast.code).toBe(1);
    const notRun = Number(/(\d+) not run/.exec(fast.stdout)?.[1]);
    expect(notRun).toBeGreaterThan(0);
    const rest = await runCli(["run", file, "--db", db, "--workers", "1"]);
    expect(rest.stdout).toMatch(/failed earlier \(--rerun failed\)/);
    const retried = await runCli(["run", file, "--db", db, "--rerun", "failed", "--retries", "1"]);
    // The failure is deterministic: each of the 4 cells fails, is retried once, and fails again.
    expect(retried.stdout).toMatch(/tiny: 0 finished, 4 failed, 8 already done, 0 not run, 4 retried;/);
    const bad = await runCli(["run", file, "--db", db, "--retries", "two"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--retries: expected a whole number >= 0, got "two"');
  });

  it("two runs on one store share the grid: every cell is run once, and the database stays consistent", async () => {
    const { file, db } = await setup(GRID().replace("seeds: 2", "seeds: 5"));
    const [a, b] = await Promise.all([
      runCli(["run", file, "--db", db, "--workers", "1", "--json"]),
      runCli(["run", file, "--db", db, "--workers", "1", "--json"]),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const summaries = [a, b].map(
      (r) => JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}") as { finished: number; failed: number },
    );
    expect(summaries[0]?.failed).toBe(0);
    expect(summaries[1]?.failed).toBe(0);
    // Between them they ran all 20 cells once; a cell one claimed, the other skipped.
    expect((summaries[0]?.finished ?? 0) + (summaries[1]?.finished ?? 0)).toBe(20);
    expect(query(db, "SELECT status, count(*) AS n, max(attempts) AS attempts FROM cells GROUP BY status")).toEqual([
      { status: "finished", n: 20, attempts: 1 },
    ]);
    expect(query(db, "SELECT count(*) AS n FROM metrics WHERE name = 'cleanAccuracy'")).toEqual([{ n: 20 }]);
    expect(query(db, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  });

  it("hemlock gc removes unreferenced artifacts and keeps what cells are built from", async () => {
    const { file, db } = await setup(GRID());
    expect((await runCli(["run", file, "--db", db])).code).toBe(0);
    const orphan = join(`${db}.artifacts`, "trained-model", "0".repeat(64));
    await mkdir(orphan, { recursive: true });
    await writeFile(join(orphan, "weights.bin"), Buffer.alloc(1000));
    const dry = await runCli(["gc", "--db", db, "--dry-run"]);
    expect(dry.stdout).toMatch(
      /^would remove 1 unreferenced artifacts \(0\.0 MB\); \d+ artifact keys are referenced by cells/,
    );
    expect(existsSync(orphan)).toBe(true);
    const gc = await runCli(["gc", "--db", db, "--json"]);
    expect(JSON.parse(gc.stdout)).toMatchObject({
      dryRun: false,
      removed: [{ kind: "trained-model", bytes: 1000 }],
      bytesFreed: 1000,
    });
    expect(existsSync(orphan)).toBe(false);
    // The cells' own models survive: a forced rerun trains nothing.
    expect((await runCli(["run", file, "--db", db, "--force"])).stdout).toMatch(/8 finished, .*; 0 models trained/);
  });

  it("a second SIGINT stops at once, leaving the store consistent for a rerun to complete", async () => {
    // Longer training, so the group running at the first signal is still running at the second.
    const { file, db } = await setup(GRID().replace("seeds: 2", "seeds: 6").replace("epochs: 3", "epochs: 40"));
    const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
    const child = spawn(process.execPath, [bin, "run", file, "--db", db, "--workers", "1", "--json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        const first = !out.includes('"type":"cell"');
        out += chunk.toString();
        if (first && out.includes('"type":"cell"')) {
          child.kill("SIGINT");
          setTimeout(() => child.kill("SIGINT"), 50);
        }
      });
      child.on("exit", (c) => resolve(c));
    });
    expect(code).toBe(130);
    expect(query(db, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    const rerun = await runCli(["run", file, "--db", db]);
    expect(rerun.code).toBe(0);
    expect(query(db, "SELECT status, count(*) AS n FROM cells GROUP BY status")).toEqual([
      { status: "finished", n: 24 },
    ]);
  });

  it("hemlock ls and hemlock show read the store back", async () => {
    const { file, db } = await setup(GRID(", {name: random-filter, count: 100000}"));
    await runCli(["run", file, "--db", db]);
    const ls = await runCli(["ls", "--db", db, "--json"]);
    expect(JSON.parse(ls.stdout)).toMatchObject([{ name: "tiny", cells: 12, finished: 8, failed: 4, pending: 0 }]);
    const show = await runCli(["show", "tiny", "--db", db, "--json"]);
    const rows = JSON.parse(show.stdout) as { defense: string; status: string; metrics: Record<string, number> }[];
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.status === "finished").every((r) => r.metrics.cleanAccuracy !== undefined)).toBe(true);
    const text = await runCli(["show", "tiny", "--db", db]);
    expect(text.stdout).toMatch(/^tiny: 12 cells/);
    const missing = await runCli(["show", "nope", "--db", db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no experiment "nope" in');
    expect(missing.stderr).toContain("Experiments there: tiny.");
    const nowhere = await runCli(["ls", "--db", `${db}.missing`]);
    expect(nowhere.stderr).toContain("no results store here");
  });
});
