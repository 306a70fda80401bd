import { describe, expect, it } from "vitest";
import { expandGrid } from "../cells/expand-grid.js";
import { parseExperiment } from "./parse-experiment.js";
import { parseSpecText } from "./spec-source.js";

const parse = (text: string) => parseExperiment(parseSpecText(text, "exp.yaml"));
const fails = (text: string) => {
  try {
    parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the spec to be refused");
};

const GRID = `name: badnets-mnist
dataset: {name: mnist, subset: 10000}
model: badnets-cnn
train: {epochs: 3, batchSize: 128, optimizer: {name: sgd, lr: 0.01, momentum: 0.9}}
seeds: 3
grid:
  attack:
    - {name: badnets, target: 0}
    - {name: blended, alpha: 0.2, target: 0}
  rate: [0, 0.01, 0.05, 0.1]
  defense: [none, random-filter, spectral-signatures, activation-clustering, strip]
`;

describe("experiment files", () => {
  it("expands the issue's example grid into 2 attacks x 4 rates x 5 defenses x 3 seeds = 120 cells", () => {
    const cells = expandGrid(parse(GRID));
    expect(cells).toHaveLength(120);
    expect(cells[0]).toMatchObject({
      dataset: { value: { name: "mnist", subset: 10000 }, path: ["dataset"] },
      attack: { value: { name: "badnets", target: 0 }, path: ["grid", "attack", 0] },
      rate: { value: 0, path: ["grid", "rate", 0] },
      defense: { value: "none", path: ["grid", "defense", 0] },
      seed: 1,
    });
    expect(new Set(cells.map((c) => c.seed))).toEqual(new Set([1, 2, 3]));
  });

  it("varies zipped axes together and drops what exclude rules match", () => {
    const spec = `name: z
dataset: digits
model: mlp
seeds: [7]
zip:
  - attack: [label-flip, {name: badnets, target: 1}]
    rate: [0.3, 0.1]
grid:
  defense: [none, strip, spectral-signatures]
exclude:
  - {attack: label-flip, defense: strip}
  - {attack: {target: 1}, defense: none}
`;
    const cells = expandGrid(parse(spec)).map((c) => [c.attack?.value, c.rate?.value, c.defense?.value, c.seed]);
    expect(cells).toEqual([
      ["label-flip", 0.3, "none", 7],
      ["label-flip", 0.3, "spectral-signatures", 7],
      [{ name: "badnets", target: 1 }, 0.1, "strip", 7],
      [{ name: "badnets", target: 1 }, 0.1, "spectral-signatures", 7],
    ]);
  });

  it("defaults to no defense and the default training configuration, with rate 0 and no attack for clean cells", () => {
    const [cell, ...rest] = expandGrid(parse("name: clean\ndataset: digits\nmodel: mlp\n"));
    expect(rest).toHaveLength(0);
    expect(cell).toMatchObject({ defense: { value: "none" }, train: { value: {} }, seed: 1 });
    expect(cell?.attack).toBeUndefined();
  });

  it("reports a wrong type at its line and column, with the field path and what was expected", () => {
    expect(fails(`${GRID.replace("seeds: 3", 'seeds: "three"')}`)).toBe(
      "exp.yaml:5:1: seeds: expected number or array, received string",
    );
    expect(fails(GRID.replace("rate: [0, 0.01, 0.05, 0.1]", "rate: [0, 0.01, 1.5]"))).toBe(
      "exp.yaml:10:19: grid.rate[2]: Too big: expected number to be <1",
    );
  });

  it("names unknown fields, with a suggestion for a near miss", () => {
    expect(fails(GRID.replace("seeds: 3", "seed: 3"))).toBe(
      'exp.yaml:5:1: seed: unknown field (did you mean "seeds"?)',
    );
    expect(fails(GRID.replace("  rate:", "  rates:"))).toBe("exp.yaml:10:3: grid.rates: unknown field");
  });

  it("refuses an axis given twice, a missing axis, unequal zip lists and YAML errors", () => {
    expect(fails(`${GRID}  model: [mlp]\n`)).toBe(
      "exp.yaml:12:3: grid.model: model is also given at the top level; give each axis in one place",
    );
    expect(fails("name: x\nmodel: mlp\n")).toBe(
      "exp.yaml:1:1: dataset: required (a value at the top level, or a list under grid or zip)",
    );
    expect(fails("name: x\ndataset: digits\nmodel: mlp\nzip:\n  - attack: [badnets, blended]\n    rate: [0.1]\n")).toBe(
      "exp.yaml:6:5: zip[0].rate: has 1 entries but attack in the same zip block has 2; zipped lists vary together, so their lengths must match",
    );
    expect(fails("name: x\ndataset: [digits\n")).toMatch(/^exp\.yaml:\d+:\d+: not valid YAML: /);
  });
});
