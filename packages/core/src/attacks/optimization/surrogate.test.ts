import { describe, expect, it } from "vitest";
import "../../register-builtins.js";
import { parseParams } from "../../registry/parse-params.js";
import { attacks } from "../attack-registry.js";

describe("an attack's surrogate", () => {
  const parse = (params: Record<string, unknown>) =>
    parseParams(attacks.get("label-consistent").params, params, "grid.attack[0]");

  it("is checked with the attack's parameters: its model, that model's parameters and its training", () => {
    expect(() => parse({ surrogate: { name: "mpl" } })).toThrow(
      /^grid\.attack\[0\]\.surrogate\.name: unknown model "mpl"; did you mean "mlp"\?$/,
    );
    expect(() => parse({ surrogate: { name: "mlp", hiden: [3] } })).toThrow(
      /^grid\.attack\[0\]\.surrogate: Unrecognized key: "hiden"; did you mean "hidden"\?$/,
    );
    expect(() => parse({ surrogate: { name: "mlp", hidden: "x" } })).toThrow(
      "grid.attack[0].surrogate.hidden: expected array, received string",
    );
    expect(() => parse({ surrogateTrain: { epoch: 3 } })).toThrow(
      'grid.attack[0].surrogateTrain: Unrecognized key: "epoch"; did you mean "epochs"?',
    );
    expect(() => parse({ surrogateTrain: { epochs: -1 } })).toThrow(
      "grid.attack[0].surrogateTrain.epochs: Too small: expected number to be >0, got -1",
    );
  });

  it("keeps the values given, so a valid grid resolves to the same cells as before", () => {
    expect(parse({ surrogate: { name: "mlp", hidden: [32] }, surrogateTrain: { epochs: 2 } })).toMatchObject({
      surrogate: { name: "mlp", hidden: [32] },
      surrogateTrain: { epochs: 2 },
    });
  });
});
