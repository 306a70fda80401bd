import { describe, expect, it } from "vitest";
import { axisLabels } from "./axis-labels.js";
import type { CellConfig } from "./resolve-cells.js";

const config = (over: Partial<CellConfig>): CellConfig => ({
  dataset: { name: "digits" },
  model: { name: "mlp", hidden: [64] },
  train: { epochs: 10, optimizer: { name: "sgd", lr: 0.05 } },
  attack: { name: "badnets", target: 0, trigger: { kind: "patch", size: 3 } },
  rate: 0.1,
  defense: { name: "none" },
  seed: 1,
  holdout: 0,
  ...over,
});

describe("axis labels", () => {
  it("name a plugin alone when one configuration of it is used", () => {
    const labels = axisLabels([config({}), config({ seed: 2, rate: 0.2 })]);
    expect(labels).toEqual([
      { dataset: "digits", model: "mlp", attack: "badnets", defense: "none" },
      { dataset: "digits", model: "mlp", attack: "badnets", defense: "none" },
    ]);
  });

  it("add exactly the parameters that vary among a plugin's configurations, by dotted path", () => {
    const labels = axisLabels([
      config({ attack: { name: "blended", alpha: 0.1, target: 0 } }),
      config({ attack: { name: "blended", alpha: 0.2, target: 0 } }),
      config({ attack: { name: "badnets", target: 0, trigger: { kind: "patch", size: 3 } } }),
      config({ attack: { name: "badnets", target: 0, trigger: { kind: "patch", size: 5 } } }),
      config({ attack: null, rate: 0 }),
    ]);
    expect(labels.map((l) => l.attack)).toEqual([
      "blended alpha=0.1",
      "blended alpha=0.2",
      "badnets trigger.size=3",
      "badnets trigger.size=5",
      "none",
    ]);
  });

  it("carry the training configuration in the model's label and the holdout in the defense's", () => {
    const labels = axisLabels([
      config({ train: { epochs: 10, optimizer: { name: "sgd", lr: 0.05 } }, holdout: 100 }),
      config({ train: { epochs: 20, optimizer: { name: "sgd", lr: 0.05 } }, holdout: 200 }),
      config({ model: { name: "logistic-regression" }, train: { epochs: 10, optimizer: { name: "sgd", lr: 0.05 } } }),
    ]);
    expect(labels.map((l) => [l.model, l.defense])).toEqual([
      ["mlp train.epochs=10", "none holdout=100"],
      ["mlp train.epochs=20", "none holdout=200"],
      ["logistic-regression", "none holdout=0"],
    ]);
  });
});
