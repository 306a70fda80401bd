import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUNDLED_DATA_DIR } from "@hemlock/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

// A local mirror in the data directory's layout, serving the bundled digits file (the only
// original file the project ships) and broken copies of it.
const digits = await readFile(join(BUNDLED_DATA_DIR, "digits.csv.gz"));
const mirrors: Record<string, Buffer> = {
  "/good/sklearn/data/digits.csv.gz": digits,
  "/truncated/sklearn/data/digits.csv.gz": digits.subarray(0, 1000),
  "/corrupt/sklearn/data/digits.csv.gz": Buffer.alloc(digits.length, 7),
};
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = mirrors[req.url ?? ""];
    if (body) res.writeHead(200).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const emptyDir = () => mkdtemp(join(tmpdir(), "hemlock-data-"));
const DIGITS_SHA = "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22";

describe("hemlock data", () => {
  it("list shows every dataset with its state", async () => {
    const dir = await emptyDir();
    const { code, stdout } = await runCli(["data", "list"], { HEMLOCK_DATA_DIR: dir });
    expect(code).toBe(0);
    expect(stdout).toContain(`data directory: ${dir} (HEMLOCK_DATA_DIR)`);
    expect(stdout).toMatch(/^digits\s+bundled\s+0\.1 MB\s+sklearn digits/m);
    expect(stdout).toMatch(/^mnist-1-7\s+absent \(from mnist\)\s+-/m);
    expect(stdout.match(/^[a-z0-9-]+\s{2}/gm)?.length).toBe(9);
  });

  it("verify NAME fails on a missing dataset, naming each file, its checksum and the fix", async () => {
    const dir = await emptyDir();
    const { code, stdout } = await runCli(["data", "verify", "iris"], { HEMLOCK_DATA_DIR: dir });
    expect(code).toBe(1);
    expect(stdout).toContain(
      `✗ iris: not present: missing ${join(dir, "sklearn/data/iris.csv")} (sha256 f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449)`,
    );
    expect(stdout).toContain("→ Run `hemlock data fetch iris`.");
  });

  it("verify fails on a truncated file and suggests the unknown name's closest match", async () => {
    const dir = await emptyDir();
    await mkdir(join(dir, "sklearn/data"), { recursive: true });
    await writeFile(join(dir, "sklearn/data/wine_data.csv"), "178,13\n");
    const all = await runCli(["data", "verify"], { HEMLOCK_DATA_DIR: dir });
    expect(all.code).toBe(1);
    expect(all.stdout).toContain(`✗ wine: ${join(dir, "sklearn/data/wine_data.csv")} is 7 bytes, expected 11157`);
    const typo = await runCli(["data", "verify", "wnie"], { HEMLOCK_DATA_DIR: dir });
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('error: data verify NAME: unknown dataset "wnie"; did you mean "wine"?');
  });

  it("fetch downloads from the mirror, verifies, and places the file", async () => {
    const dir = await emptyDir();
    const { code, stdout } = await runCli(["data", "fetch", "digits", "--mirror", `${base}/good`], {
      HEMLOCK_DATA_DIR: dir,
    });
    expect(code).toBe(0);
    expect(stdout).toContain("✓ sklearn/data/digits.csv.gz: 0.1 MB, sha256 verified");
    expect(await readFile(join(dir, "sklearn/data/digits.csv.gz"))).toEqual(digits);
    const verify = await runCli(["data", "verify", "digits"], { HEMLOCK_DATA_DIR: dir });
    expect(verify.stdout).toContain("✓ digits: verified (1 file, sha256)");
  });

  it.each([
    ["truncated", "got 1000 bytes, expected 57523 (truncated or not the original)"],
    ["corrupt", `does not match the published ${DIGITS_SHA}`],
  ])("fetch refuses a %s download, names the file and checksum, and leaves nothing behind", async (kind, reason) => {
    const dir = await emptyDir();
    const { code, stdout, stderr } = await runCli(["data", "fetch", "digits", "--mirror", `${base}/${kind}`], {
      HEMLOCK_DATA_DIR: dir,
    });
    expect(code).toBe(1);
    expect(stdout).toContain(reason);
    expect(stderr).toContain(
      `error: dataset digits: could not fetch sklearn/data/digits.csv.gz (expected 57523 bytes, sha256 ${DIGITS_SHA}) from any source:`,
    );
    expect(stderr).toContain(`${base}/${kind}/sklearn/data/digits.csv.gz: `);
    expect(await readdir(join(dir, "sklearn/data"))).toEqual([]);
  });
});
