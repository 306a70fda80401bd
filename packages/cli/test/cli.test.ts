import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

describe("hemlock", () => {
  it("prints its version", async () => {
    const { code, stdout } = await runCli(["--version"]);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("lists its commands in --help, and every command has --help", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/doctor \[options\]\s+check Node/);
    expect(top.stdout).toMatch(/--backend <name>/);
    const doctor = await runCli(["doctor", "--help"]);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(/Usage: hemlock doctor \[options\]/);
    expect(doctor.stdout).toMatch(/--json/);
  });

  it("suggests the closest command for a typo and exits non-zero", async () => {
    const { code, stderr } = await runCli(["docter"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown command 'docter'/);
    expect(stderr).toMatch(/Did you mean doctor\?/);
  });
});
