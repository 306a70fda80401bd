import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

describe("hemlock defenses", () => {
  it("lists every defense with its kind, needs, parameters and citation", async () => {
    const { code, stdout } = await runCli(["defenses", "--json"]);
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as {
      name: string;
      kind: string;
      needs: string[];
      requires: string[];
      citation: string;
      params: { name: string; default?: unknown }[];
    }[];
    expect(entries.map((e) => e.name)).toEqual([
      "activation-clustering",
      "bagging",
      "deep-partition-aggregation",
      "dp-sgd",
      "fine-pruning",
      "knn-label-sanitization",
      "label-flip-certificate",
      "neural-cleanse",
      "none",
      "perfect-filter",
      "random-filter",
      "roni",
      "spectral-signatures",
      "sphere-slab",
      "strip",
      "trim",
    ]);
    const spectral = entries.find((e) => e.name === "spectral-signatures");
    expect(spectral).toMatchObject({
      kind: "sanitize",
      needs: ["poisoned-model", "expected-rate"],
      requires: ["features"],
    });
    expect(spectral?.params.find((p) => p.name === "removeFactor")?.default).toBe(1.5);
    expect(spectral?.citation).toMatch(/Tran.*2018/);
    expect(entries.find((e) => e.name === "neural-cleanse")).toMatchObject({
      kind: "repair",
      needs: ["poisoned-model", "clean-holdout"],
      requires: ["gradients"],
    });
    expect(entries.find((e) => e.name === "dp-sgd")?.params.map((p) => p.name)).toEqual([
      "clipNorm",
      "noiseMultiplier",
      "epsilon",
      "delta",
    ]);
    const text = await runCli(["defenses"]);
    expect(text.stdout).toMatch(/^perfect-filter {2}sanitize; needs poison-mask$/m);
  });
});
