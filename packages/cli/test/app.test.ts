import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@hemlock/store";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

// The commands' own checks; the pages themselves are tested in a browser (apps/leaderboard/test/e2e).
describe("hemlock serve and hemlock publish", () => {
  it("refuse a path with no store, naming it, without creating one", async () => {
    const missing = join(tmpdir(), "hemlock-no-store-here", "hemlock.db");
    for (const command of [
      ["serve", "--db", missing],
      ["publish", "--db", missing, "--out", join(tmpdir(), "hemlock-no-site")],
    ]) {
      const { code, stderr } = await runCli(command);
      expect(code).toBe(1);
      expect(stderr).toContain(`${missing}: cannot open the results store`);
      expect(stderr).not.toContain("internal error");
    }
  });

  it("refuse a bad port and a bad base path with what was expected", async () => {
    const db = join(await mkdtemp(join(tmpdir(), "hemlock-app-cli-")), "hemlock.db");
    (await openStore(db)).close();
    const port = await runCli(["serve", "--db", db, "--port", "99999"]);
    expect(port.code).toBe(1);
    expect(port.stderr).toContain('--port: expected a whole number from 1 to 65535, got "99999"');
    const base = await runCli(["publish", "--db", db, "--out", join(tmpdir(), "x"), "--base-path", "sub dir"]);
    expect(base.code).toBe(1);
    expect(base.stderr).toContain("--base-path: expected a path such as /hemlock");
    const none = await runCli(["publish", "--db", db, "--out", join(tmpdir(), "x"), "--attack", "nope"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no cells in");
  });
});
