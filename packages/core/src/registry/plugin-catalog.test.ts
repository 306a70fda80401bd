import { describe, expect, it } from "vitest";
import "../register-builtins.js";
import { buildPluginCatalog } from "./build-plugin-catalog.js";
import { readPluginCatalog } from "./plugin-catalog.js";

describe("the plugin catalog", () => {
  it("the build wrote is the registries as they are: every attack and defense, with its parameters", () => {
    const built = readPluginCatalog();
    expect(built).toEqual(JSON.parse(JSON.stringify(buildPluginCatalog())));
    expect(built.defenses.find((d) => d.name === "spectral-signatures")).toMatchObject({
      kind: "sanitize",
      needs: ["poisoned-model", "expected-rate"],
      requires: ["features"],
    });
    expect(built.attacks.map((a) => a.name)).toContain("badnets");
  });
});
