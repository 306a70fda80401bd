import "@hemlock/core";
import { contentHash } from "@hemlock/core";
import { describe, expect, it } from "vitest";
import { parseExperiment } from "../experiment-file/parse-experiment.js";
import { parseSpecText } from "../experiment-file/spec-source.js";
import { expandGrid } from "./expand-grid.js";
import { resolveCells } from "./resolve-cells.js";

const resolve = (text: string) => {
  const parsed = parseExperiment(parseSpecText(text, "exp.yaml"));
  return resolveCells(parsed, expandGrid(parsed));
};
const fails = (text: string) => {
  try {
    resolve(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the grid to be refused");
};

describe("resolving cells", () => {
  it("fills every plugin's defaults, so equivalent specs resolve (and hash) alike", () => {
    const [a] = resolve("name: a\ndataset: digits\nmodel: mlp\nattack: badnets\nrate: 0.1\n");
    const [b] = resolve(
      "name: b\ndataset: {name: digits}\nmodel: {name: mlp}\nattack: {target: 0, name: badnets}\nrate: 0.1\ndefense: none\ntrain: {}\n",
    );
    expect(a).toEqual(b);
    expect(contentHash(a)).toBe(contentHash(b));
    expect(a?.attack).toMatchObject({ name: "badnets", target: 0, mode: "replace", mapping: "all-to-one" });
    expect(a?.train).toMatchObject({ epochs: 10, batchSize: 128 });
    expect(a).toMatchObject({ rate: 0.1, seed: 1, holdout: 1000, defense: { name: "none" } });
  });

  it("reads attack none as clean training, one cell however many rates it is crossed with", () => {
    const cells = resolve(
      "name: n\ndataset: digits\nmodel: mlp\ngrid:\n  attack: [none, badnets]\n  rate: [0.05, 0.1]\n",
    );
    expect(cells.map((c) => [c.attack?.name ?? null, c.rate])).toEqual([
      [null, 0],
      ["badnets", 0.05],
      ["badnets", 0.1],
    ]);
  });

  it("gives clean cells (no attack) rate 0", () => {
    expect(resolve("name: c\ndataset: digits\nmodel: mlp\n")[0]).toMatchObject({ attack: null, rate: 0 });
  });

  it("reports unknown names with a suggestion, and bad parameters at their field, all at once", () => {
    const message = fails(`name: x
dataset: digits
model: mlp
rate: 0.1
grid:
  attack:
    - badnet
    - {name: blended, alpha: 2}
`);
    expect(message.split("\n")).toEqual([
      'exp.yaml:7:7: grid.attack[0].name: unknown attack "badnet"; did you mean "badnets"?',
      "exp.yaml:8:23: grid.attack[1].alpha: Too big: expected number to be <=1, got 2",
    ]);
  });

  it("refuses a defense the model cannot support when the grid is planned, naming the pair", () => {
    expect(fails("name: x\ndataset: digits\nmodel: logistic-regression\ndefense: activation-clustering\n")).toBe(
      "exp.yaml:4:1: defense: activation-clustering with logistic-regression: activation-clustering needs a model with features; logistic-regression has gradients, per-example-gradients. Pair activation-clustering with a model that has penultimate-layer features (mlp, badnets-cnn, resnet-small).",
    );
  });

  it("refuses, when planning, a rate-sized defense in a clean cell without epsilon", () => {
    expect(fails("name: x\ndataset: digits\nmodel: mlp\ndefense: spectral-signatures\n")).toBe(
      "exp.yaml:4:1: defense: spectral-signatures removes a share sized by the poisoning rate it assumes, and this cell's rate is 0; give it epsilon (e.g. {name: spectral-signatures, epsilon: 0.1}) so clean cells run the same defense as poisoned ones",
    );
    expect(
      resolve("name: x\ndataset: digits\nmodel: mlp\ndefense: {name: spectral-signatures, epsilon: 0.1}\n"),
    ).toHaveLength(1);
  });

  it("with the loaded data's facts, refuses wrong domains, input shapes, target labels and holdout sizes", () => {
    const parsed = parseExperiment(
      parseSpecText(
        `name: x
dataset: breast-cancer
rate: 0.1
holdout: {size: 500}
grid:
  model: [mlp, badnets-cnn]
  attack: [{name: badnets, target: 0}, {name: label-flip, target: 5}]
  defense: [none, strip]
`,
        "exp.yaml",
      ),
    );
    const facts = () => ({
      name: "breast-cancer",
      domain: "tabular" as const,
      exampleShape: [30],
      classes: 2,
      testSize: 114,
    });
    let message = "";
    try {
      resolveCells(parsed, expandGrid(parsed), facts);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split("\n");
    expect(lines).toContain(
      "exp.yaml:6:16: grid.model[1]: badnets-cnn cannot take breast-cancer: needs images of at least 16x16xC, got input shape [30]",
    );
    expect(lines).toContain("exp.yaml:7:12: grid.attack[0]: badnets works on image data; breast-cancer is tabular");
    expect(lines).toContain("exp.yaml:7:59: grid.attack[1].target: breast-cancer has classes 0..1, got 5");
    expect(lines).toContain("exp.yaml:8:19: grid.defense[1]: strip works on image data; breast-cancer is tabular");
    expect(lines).toContain(
      "exp.yaml:4:11: holdout.size: 500 held examples leave none of breast-cancer's 114 test examples to measure on",
    );
  });

  it("measures on the whole test split with holdout 0, and refuses it for a defense that needs a holdout", () => {
    const facts = () => ({
      name: "digits",
      domain: "image" as const,
      exampleShape: [8, 8, 1],
      classes: 10,
      testSize: 360,
    });
    const spec = (defense: string, holdout = 0) =>
      parseExperiment(
        parseSpecText(
          `name: x\ndataset: digits\nmodel: mlp\nattack: badnets\nrate: 0.1\ndefense: ${defense}\nholdout: {size: ${holdout}}\n`,
          "h.yaml",
        ),
      );
    const ok = spec("none");
    expect(resolveCells(ok, expandGrid(ok), facts).map((c) => c.holdout)).toEqual([0]);
    const strip = spec("strip");
    expect(() => resolveCells(strip, expandGrid(strip), facts)).toThrow(
      "h.yaml:7:11: holdout.size: strip needs a clean holdout; holdout.size is 0 (defaults to 1000 when not given)",
    );
    // STRIP superimposes `overlays` distinct held images: 100 by default, so 60 cannot do.
    const short = spec("strip", 60);
    expect(() => resolveCells(short, expandGrid(short), facts)).toThrow(
      "h.yaml:6:1: defense: strip with these parameters needs at least 100 clean holdout examples; holdout.size is 60",
    );
    const fewer = spec("{name: strip, overlays: 50}", 60);
    expect(resolveCells(fewer, expandGrid(fewer), facts).map((c) => c.holdout)).toEqual([60]);
  });
});
