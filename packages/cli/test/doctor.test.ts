import { mkdir, mkdtemp, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

interface Report {
  ok: boolean;
  sections: {
    title: string;
    status: string;
    summary: string;
    items: { label: string; status: string; detail: string; fix?: string }[];
  }[];
}

async function doctorJson(args: string[], env: Record<string, string | undefined>) {
  const result = await runCli(["doctor", "--json", ...args], env);
  return { code: result.code, report: JSON.parse(result.stdout) as Report };
}

const section = (r: Report, title: string) => r.sections.find((s) => s.title === title);
const closedPort = { HEMLOCK_REDIS_URL: "redis://127.0.0.1:1" };

describe("hemlock doctor", () => {
  it("reports backends, an empty data dir, the store, workers and an unreachable Redis, and passes", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "hemlock-data-"));
    const { code, report } = await doctorJson([], {
      HEMLOCK_DATA_DIR: dataDir,
      HEMLOCK_DB: join(dataDir, "h.db"),
      ...closedPort,
    });
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(section(report, "node")?.summary).toBe(`v${process.versions.node}`);
    const backend = section(report, "backend");
    expect(backend?.summary).toMatch(/^(tensorflow|wasm) would be used \(requested: auto\)$/);
    expect(backend?.items.map((i) => i.label)).toEqual(["tensorflow", "wasm", "cpu"]);
    const data = section(report, "data");
    expect(data?.summary).toBe(`${dataDir} (HEMLOCK_DATA_DIR): 1 of 8 datasets verified`);
    expect(data?.items).toEqual([
      { label: "digits", status: "ok", detail: "verified (bundled copy)" },
      expect.objectContaining({
        label: "absent",
        status: "warn",
        detail: "adult, breast-cancer, fashion-mnist, iris, mnist, spambase, wine",
      }),
    ]);
    expect(section(report, "store")?.summary).toBe(
      `${join(dataDir, "h.db")} (HEMLOCK_DB; will be created on first run)`,
    );
    expect(section(report, "workers")?.summary).toMatch(/^\d+ by default/);
    expect(section(report, "redis")?.status).toBe("warn");
    expect(section(report, "redis")?.summary).toMatch(/^redis:\/\/127\.0\.0\.1:1 unreachable/);
  });

  it("fails on a corrupt or truncated dataset file, naming the file and the expected checksum", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "hemlock-data-"));
    await mkdir(join(dataDir, "sklearn/data"), { recursive: true });
    // Right size, wrong bytes: caught by the checksum.
    await writeFile(join(dataDir, "sklearn/data/iris.csv"), Buffer.alloc(2734, 1));
    // Wrong size: caught without hashing.
    await writeFile(join(dataDir, "sklearn/data/wine_data.csv"), "truncated");
    await truncate(join(dataDir, "sklearn/data/wine_data.csv"), 100);

    const { code, report } = await doctorJson([], { HEMLOCK_DATA_DIR: dataDir, ...closedPort });
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    const items = section(report, "data")?.items ?? [];
    const iris = items.find((i) => i.label === "iris");
    expect(iris?.status).toBe("fail");
    expect(iris?.detail).toContain(join(dataDir, "sklearn/data/iris.csv"));
    expect(iris?.detail).toContain("expected f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449");
    expect(iris?.fix).toBe(`Delete ${join(dataDir, "sklearn/data/iris.csv")} and run \`hemlock data fetch iris\`.`);
    const wine = items.find((i) => i.label === "wine");
    expect(wine?.detail).toBe(
      `${join(dataDir, "sklearn/data/wine_data.csv")} is 100 bytes, expected 11157 (sha256 10e8a802908b34f86e5da8ce962f3c806694bc98450a18f61851af59f324bede)`,
    );
  });

  it("says so in plain text when something is broken", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "hemlock-data-"));
    await mkdir(join(dataDir, "sklearn/data"), { recursive: true });
    await writeFile(join(dataDir, "sklearn/data/iris.csv"), "x");
    const { code, stdout } = await runCli(["doctor"], { HEMLOCK_DATA_DIR: dataDir, ...closedPort });
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ iris/);
    expect(stdout).toMatch(/Something required is broken; see the fixes above\./);
  });

  it("fails when the requested backend is unavailable, and gives the reason", async () => {
    const { code, report } = await doctorJson(["--backend", "nope"], closedPort);
    expect(code).toBe(1);
    expect(section(report, "backend")?.summary).toBe(
      '--backend: unknown backend "nope"; expected one of auto, tensorflow, wasm, cpu',
    );
  });

  it("honours --backend cpu", async () => {
    const { code, report } = await doctorJson(["--backend", "cpu"], closedPort);
    expect(code).toBe(0);
    expect(section(report, "backend")?.summary).toBe("cpu would be used (requested: cpu)");
  });

  it.runIf(process.env.HEMLOCK_DATA_DIR)("verifies every dataset in the real data directory", async () => {
    const { code, report } = await doctorJson([], closedPort);
    expect(code).toBe(0);
    expect(section(report, "data")?.summary).toMatch(/: 8 of 8 datasets verified$/);
  });
});
