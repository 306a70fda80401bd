import { defenses } from "@hemlock/core";
import { describe, expect, it } from "vitest";
import { planArtifacts } from "../artifacts/artifact-plan.js";
import { expandGrid } from "../cells/expand-grid.js";
import { resolveCells } from "../cells/resolve-cells.js";
import { parseExperiment } from "../experiment-file/parse-experiment.js";
import { parseSpecText } from "../experiment-file/spec-source.js";
import { DEFENSE_KINDS } from "./defense-kind-table.js";

const chainOf = (defense: string) => {
  const parsed = parseExperiment(
    parseSpecText(
      `name: kinds\ndataset: {name: mnist, subset: 1000}\nmodel: badnets-cnn\nattack: {name: badnets, target: 0}\nrate: 0.1\ndefense: ${defense}\n`,
      "kinds.yaml",
    ),
  );
  const plan = planArtifacts(resolveCells(parsed, expandGrid(parsed)), {
    datasetChecksums: () => ["abc"],
    code: { version: "0.1.0", gitSha: "f00" },
    backend: "wasm",
  });
  const kinds = new Map(plan.artifacts.map((a) => [a.key, a.kind]));
  return (plan.cells[0]?.chain ?? []).map((k) => kinds.get(k));
};

describe("the defense-kind table", () => {
  it("has an entry for the kind of every registered defense", () => {
    for (const d of defenses.list()) expect(DEFENSE_KINDS[d.kind], d.name).toBeDefined();
    expect(defenses.get("none").kind).toBe("baseline");
  });

  it("plans each kind's chain from its entry alone, the controls as ordinary defenses", () => {
    expect(chainOf("none")).toEqual(["poisoned-data", "trained-model", "metrics"]);
    // A sanitizer that reads the trained model reuses it, then retrains on what it keeps.
    expect(chainOf("{name: spectral-signatures, epsilon: 0.1}")).toEqual([
      "poisoned-data",
      "trained-model",
      "sanitized-data",
      "trained-model",
      "metrics",
    ]);
    expect(chainOf("perfect-filter")).toEqual(["poisoned-data", "sanitized-data", "trained-model", "metrics"]);
    // random-filter copies its count from the compared defense's set, built first and shared.
    expect(chainOf("{name: random-filter, compare: {name: spectral-signatures, epsilon: 0.1}}")).toEqual([
      "poisoned-data",
      "trained-model",
      "sanitized-data",
      "sanitized-data",
      "trained-model",
      "metrics",
    ]);
    expect(chainOf("{name: random-filter, count: 10}")).toEqual([
      "poisoned-data",
      "sanitized-data",
      "trained-model",
      "metrics",
    ]);
    expect(chainOf("{name: deep-partition-aggregation, partitions: 5}")).toEqual([
      "poisoned-data",
      "defended",
      "metrics",
    ]);
    expect(chainOf("fine-pruning")).toEqual(["poisoned-data", "trained-model", "defended", "metrics"]);
    expect(chainOf("strip")).toEqual(["poisoned-data", "trained-model", "defended", "metrics"]);
  });

  it("refuses a control compared with the baseline or with a control, naming both", () => {
    expect(() => chainOf("{name: random-filter, compare: none}")).toThrow(
      "random-filter copies the removal count of a sanitizing defense; none is a baseline defense",
    );
    expect(() => chainOf("{name: random-filter, compare: {name: random-filter, count: 3}}")).toThrow(
      "defense.compare: random-filter copies the removal count of a sanitizing defense; random-filter is the control itself",
    );
  });
});
