import "@hemlock/core";
import { describe, expect, it } from "vitest";
import { expandGrid } from "../cells/expand-grid.js";
import { resolveCells } from "../cells/resolve-cells.js";
import { parseExperiment } from "../experiment-file/parse-experiment.js";
import { parseSpecText } from "../experiment-file/spec-source.js";
import { planArtifacts } from "./artifact-plan.js";

const GRID = `name: badnets-mnist
dataset: {name: mnist, subset: 10000}
model: badnets-cnn
train: {epochs: 3, batchSize: 128}
seeds: 3
grid:
  attack:
    - {name: badnets, target: 0}
    - {name: blended, alpha: 0.2, target: 0}
  rate: [0, 0.01, 0.05, 0.1]
  defense:
    - none
    - {name: random-filter, compare: {name: spectral-signatures, epsilon: 0.1}}
    - {name: spectral-signatures, epsilon: 0.1}
    - activation-clustering
    - strip
`;

const context = {
  datasetChecksums: () => ["abc"],
  code: { version: "0.1.0", gitSha: "f00" },
  backend: "wasm",
};

const plan = (text: string, ctx = context) => {
  const parsed = parseExperiment(parseSpecText(text, "exp.yaml"));
  return planArtifacts(resolveCells(parsed, expandGrid(parsed)), ctx);
};

describe("the artifact plan", () => {
  const { cells, artifacts } = plan(GRID);
  const byKey = new Map(artifacts.map((a) => [a.key, a]));
  const count = (kind: string, inputKind?: string) =>
    artifacts.filter(
      (a) => a.kind === kind && (inputKind === undefined || byKey.get(a.inputs[0] ?? "")?.kind === inputKind),
    ).length;

  it("trains each poisoned model once: one per distinct (attack, rate, seed, model)", () => {
    expect(cells).toHaveLength(120);
    expect(count("poisoned-data")).toBe(2 * 4 * 3);
    expect(count("trained-model", "poisoned-data")).toBe(2 * 4 * 3);
    // Every defense but none retrains or refits: three sanitizers retrain, STRIP fits a detector.
    expect(count("sanitized-data")).toBe(3 * 24);
    expect(count("trained-model", "sanitized-data")).toBe(3 * 24);
    expect(count("defended")).toBe(24);
    expect(count("metrics")).toBe(120);
    const poisonedModel = artifacts.find(
      (a) => a.kind === "trained-model" && byKey.get(a.inputs[0] ?? "")?.kind === "poisoned-data",
    );
    // none, spectral signatures, activation clustering, STRIP, and random-filter through the spectral set.
    expect(poisonedModel?.cells).toBe(5);
  });

  it("lists inputs before what is built from them, and gives each cell its own identity", () => {
    const seen = new Set<string>();
    for (const a of artifacts) {
      for (const input of a.inputs) expect(seen.has(input)).toBe(true);
      seen.add(a.key);
    }
    expect(new Set(cells.map((c) => c.identity)).size).toBe(120);
  });

  it("makes random-filter's set depend on the compared defense's, so it is computed once", () => {
    const rf = cells.find((c) => c.config.defense.name === "random-filter");
    const ss = cells.find(
      (c) =>
        c.config.defense.name === "spectral-signatures" &&
        c.config.seed === rf?.config.seed &&
        c.config.rate === rf?.config.rate &&
        c.config.attack?.name === rf?.config.attack?.name,
    );
    const ssSet = ss?.chain.find((k) => byKey.get(k)?.kind === "sanitized-data");
    expect(rf?.chain).toContain(ssSet);
    expect(byKey.get(ssSet as string)?.cells).toBe(2);
  });

  it("changes every key when the code version or the backend changes", () => {
    const other = plan(GRID, { ...context, backend: "cpu" });
    const keys = new Set(artifacts.map((a) => a.key));
    expect(other.artifacts.some((a) => keys.has(a.key))).toBe(false);
    expect(other.cells[0]?.identity).not.toBe(cells[0]?.identity);
  });

  it("shares clean data across seeds, and refuses random-filter without a count or comparison", () => {
    const clean = plan("name: c\ndataset: digits\nmodel: mlp\nseeds: 3\n");
    expect(clean.artifacts.filter((a) => a.kind === "poisoned-data")).toHaveLength(1);
    expect(clean.artifacts.filter((a) => a.kind === "trained-model")).toHaveLength(3);
    // Unless each seed draws its own data.
    const drawn = plan("name: c\ndataset: {name: digits, subset: 500, subsetSeed: seed}\nmodel: mlp\nseeds: 3\n");
    expect(drawn.artifacts.filter((a) => a.kind === "poisoned-data")).toHaveLength(3);
    expect(new Set(drawn.cells.map((c) => c.config.dataset.subsetSeed))).toEqual(new Set(["seed"]));
    expect(() => plan("name: c\ndataset: digits\nmodel: mlp\ndefense: random-filter\n")).toThrow(
      "exp.yaml:4:1: defense: random-filter removes as many examples as another defense; give count, or compare (the sanitizing defense it is compared with, e.g. {name: random-filter, compare: spectral-signatures})",
    );
  });
});
