import { describe, expect, it } from "vitest";
import type { CellConfig } from "../../cells/resolve-cells.js";
import { groupNodes } from "./group-nodes.js";

const node = (kind: string, inputs: string[] = []) => ({ kind: kind as "metrics", inputs, spec: {} });
const cell = (identity: string, chain: string[]) => ({ identity, config: {} as CellConfig, chain });

describe("groupNodes", () => {
  it("keeps the nodes the group's chains name and what they are built from, and nothing else", () => {
    const all = {
      p1: node("poisoned-data"),
      m1: node("trained-model", ["p1"]),
      s1: node("sanitized-data", ["p1", "m1"]),
      // Named by no chain of the group, but an input of one that is: it comes along.
      s0: node("sanitized-data", ["p1"]),
      s2: node("sanitized-data", ["p1", "s0"]),
      x1: node("metrics", ["m1"]),
      p2: node("poisoned-data"),
      m2: node("trained-model", ["p2"]),
    };
    const nodes = groupNodes([cell("a", ["p1", "m1", "x1"]), cell("b", ["p1", "s2"])], all);
    expect(Object.keys(nodes).sort()).toEqual(["m1", "p1", "s0", "s2", "x1"]);
    expect(nodes.s2).toBe(all.s2);
  });

  it("names an artifact a chain refers to that the plan lacks", () => {
    expect(() => groupNodes([cell("a", ["missing"])], {})).toThrow("artifact missing is not in the plan");
  });
});
