import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

/** Reads the header and body of an .npy file written by hemlock. */
async function readNpy(path: string): Promise<{ header: string; body: Buffer }> {
  const bytes = await readFile(path);
  const length = bytes.readUInt16LE(8);
  return {
    header: bytes
      .subarray(10, 10 + length)
      .toString("latin1")
      .trim(),
    body: bytes.subarray(10 + length),
  };
}

describe("hemlock attacks / attack", () => {
  it("lists every attack with kind, parameters, defaults and citation", async () => {
    const { code, stdout } = await runCli(["attacks", "--json"]);
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as {
      name: string;
      kind: string;
      citation: string;
      params: { name: string; default?: unknown }[];
    }[];
    expect(entries.map((e) => e.name)).toEqual([
      "alfa",
      "badnets",
      "blended",
      "feature-collision",
      "gradient-poisoning",
      "label-consistent",
      "label-flip",
      "sig",
      "tabular-backdoor",
    ]);
    const frogs = entries.find((e) => e.name === "feature-collision");
    expect(frogs?.kind).toBe("targeted");
    expect(frogs?.params.find((p) => p.name === "beta0")?.default).toBe(0.25);
    expect(frogs?.params.find((p) => p.name === "surrogate")?.default).toEqual({ name: "mlp" });
    const blended = entries.find((e) => e.name === "blended");
    expect(blended?.params.find((p) => p.name === "alpha")?.default).toBe(0.2);
    expect(blended?.citation).toMatch(/Chen.*2017/);
    const text = await runCli(["attacks"]);
    expect(text.stdout).toMatch(/^sig {2}clean-label, image data$/m);
  });

  it("records a targeted attack's target and its optimization in poison.json", async () => {
    const out = await mkdtemp(join(tmpdir(), "hemlock-attack-"));
    const empty = await mkdtemp(join(tmpdir(), "hemlock-data-"));
    const params = { target: 3, targetIndex: 0, steps: 30, surrogateTrain: { epochs: 3 } };
    const { code, stdout } = await runCli(
      [
        "attack",
        "feature-collision",
        "--dataset",
        "digits",
        "--rate",
        "0.005",
        "--out",
        out,
        "--params",
        JSON.stringify(params),
      ],
      { HEMLOCK_DATA_DIR: empty },
    );
    expect(code).toBe(0);
    expect(stdout).toContain("feature-collision at rate 0.005 on digits: 7 of 1348 training examples poisoned");
    const record = JSON.parse(await readFile(join(out, "poison.json"), "utf8"));
    expect(record.targets).toEqual({ split: "test", indices: [0], intendedLabels: [3] });
    expect(["tensorflow", "wasm"]).toContain(record.backend);
    expect(record.diagnostics.featureDistanceAfter).toBeLessThan(record.diagnostics.featureDistanceBefore);
    const labels = await readNpy(join(out, "labels.npy"));
    const view = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    const mask = (await readNpy(join(out, "mask.npy"))).body;
    const poisonedLabels = [...new Int32Array(view(labels.body))].filter((_, i) => mask[i] === 1);
    expect(poisonedLabels).toEqual([3, 3, 3, 3, 3, 3, 3]);
  });

  it("writes the poisoned training split and its mask as .npy, with poison.json", async () => {
    const out = await mkdtemp(join(tmpdir(), "hemlock-attack-"));
    const empty = await mkdtemp(join(tmpdir(), "hemlock-data-"));
    const { code, stdout } = await runCli(
      [
        "attack",
        "badnets",
        "--dataset",
        "digits",
        "--rate",
        "0.1",
        "--out",
        out,
        "--params",
        '{"target":1}',
        "--seed",
        "3",
      ],
      { HEMLOCK_DATA_DIR: empty },
    );
    expect(code).toBe(0);
    expect(stdout).toContain("badnets at rate 0.1 on digits: 135 of 1348 training examples poisoned");
    const record = JSON.parse(await readFile(join(out, "poison.json"), "utf8"));
    expect(record.semantics).toEqual({ rate: 0.1, rateOf: "all", mode: "replace", target: 1, mapping: "all-to-one" });
    expect(record.poisoned).toBe(135);
    const x = await readNpy(join(out, "x.npy"));
    expect(x.header).toBe("{'descr': '<f4', 'fortran_order': False, 'shape': (1348, 8, 8, 1), }");
    const mask = await readNpy(join(out, "mask.npy"));
    expect([...mask.body].reduce((a, b) => a + b, 0)).toBe(135);
    const view = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    const labels = new Int32Array(view((await readNpy(join(out, "labels.npy"))).body));
    const pixels = new Float32Array(view(x.body));
    expect(labels.length).toBe(1348);
    const i = [...mask.body].indexOf(1);
    expect(labels[i]).toBe(1);
    expect(pixels[i * 64 + 63]).toBe(1);
  });

  it.each([
    [["--rate", "1.5"], 'error: --rate: expected a number in [0, 1), got "1.5"'],
    [["--rate", "abc"], 'error: --rate: expected a number in [0, 1), got "abc"'],
    [
      ["--rate", "0.1", "--params", '{"target":12}'],
      "error: attack.target: digits has classes 0..9 (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), got 12",
    ],
    [
      ["--rate", "0.1", "--params", '{"trigger":{"kind":"patch","size":12}}'],
      "error: attack.trigger.size: a 12x12 trigger with margin 0 does not fit a 8x8 image",
    ],
    [["--rate", "0.1", "--params", "{target:1}"], 'error: --params: expected JSON, got "{target:1}"'],
  ])("refuses bad input %j, naming the field", async (extra, message) => {
    const out = await mkdtemp(join(tmpdir(), "hemlock-attack-"));
    const { code, stderr } = await runCli(["attack", "badnets", "--dataset", "digits", "--out", out, ...extra]);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")[0]).toBe(message);
  });
});
