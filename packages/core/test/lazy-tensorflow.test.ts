/**
 * TensorFlow.js loads on first use (backend/tf.ts): importing core, looking plugins up and
 * validating their parameters load none of it; starting a backend does. Run in a child process
 * on the built package, as the CLI uses it.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DIST = fileURLToPath(new URL("../dist/index.js", import.meta.url));

const probe = (body: string): Record<string, number> =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { createRequire } from "node:module";
const core = await import(${JSON.stringify(DIST)});
const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes("@tensorflow")).length;
const out = {};
${body}
console.log(JSON.stringify(out));`,
      ],
      { encoding: "utf8", env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: "3" } },
    ),
  );

describe("TensorFlow.js", () => {
  it("is not loaded by importing core, listing plugins or parsing their parameters; starting a backend loads it", () => {
    const out = probe(`out.afterImport = loaded();
core.parseParams(core.attacks.get("badnets").params, { target: 1 }, "attack");
core.defenses.list();
out.afterPlugins = loaded();
await core.selectBackend("cpu");
out.afterOp = loaded();`);
    expect(out.afterImport).toBe(0);
    expect(out.afterPlugins).toBe(0);
    expect(out.afterOp).toBeGreaterThan(0);
  });
});
