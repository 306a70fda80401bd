import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

describe("hemlock schema", () => {
  it("prints the experiment JSON Schema, and writes the same to --out", async () => {
    const printed = await runCli(["schema"]);
    expect(printed.code).toBe(0);
    const schema = JSON.parse(printed.stdout) as { title: string; properties: Record<string, unknown> };
    expect(schema.title).toBe("Hemlock experiment");
    expect(Object.keys(schema.properties)).toContain("grid");
    const out = join(await mkdtemp(join(tmpdir(), "hemlock-schema-")), "schema.json");
    const written = await runCli(["schema", "--out", out]);
    expect(written.stdout.trim()).toBe(`wrote ${out}`);
    expect(JSON.parse(await readFile(out, "utf8"))).toEqual(schema);
  });
});
