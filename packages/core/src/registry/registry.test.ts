import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HemlockError } from "../errors.js";
import { parseParams } from "./parse-params.js";
import { Registry, registerAll } from "./registry.js";
import { schemaKeysAt } from "./schema-keys.js";

const registry = new Registry<{ name: string; summary: string; citation: string }>("attack");
registry.register({ name: "badnets", summary: "patch trigger", citation: "Gu et al. 2017" });
registry.register({ name: "blended", summary: "blended trigger", citation: "Chen et al. 2017" });

describe("Registry", () => {
  it("returns registered plugins by name, sorted in list()", () => {
    expect(registry.get("blended").citation).toBe("Chen et al. 2017");
    expect(registry.list().map((p) => p.name)).toEqual(["badnets", "blended"]);
  });

  it("refuses a duplicate name", () => {
    expect(() => registry.register({ name: "badnets", summary: "", citation: "" })).toThrowErrorMatchingInlineSnapshot(
      `[HemlockError: attack "badnets" is already registered]`,
    );
  });

  it("registers a list once however often it is imported, and refuses another plugin under a taken name", () => {
    const r = new Registry<{ name: string; summary: string; citation: string }>("defense");
    const strip = { name: "strip", summary: "entropy", citation: "Gao et al. 2019" };
    registerAll(r, [strip]);
    registerAll(r, [strip]);
    expect(r.list()).toEqual([strip]);
    expect(() => registerAll(r, [{ ...strip, summary: "another" }])).toThrow('defense "strip" is already registered');
    expect(() =>
      registerAll(r, [
        { ...strip, name: "a" },
        { ...strip, name: "a" },
      ]),
    ).toThrow('defense "a" is already registered');
  });

  it("suggests the closest name for a typo and lists the known names", () => {
    const error = (() => {
      try {
        registry.get("badnet", "grid.attack[0].name");
      } catch (e) {
        return e as HemlockError;
      }
    })();
    expect(error?.message).toBe('grid.attack[0].name: unknown attack "badnet"; did you mean "badnets"?');
    expect(error?.hint).toBe("Known attacks: badnets, blended.");
  });

  it("offers no suggestion for a name far from any", () => {
    expect(() => registry.get("spectral")).toThrow(/^attack: unknown attack "spectral"$/);
  });
});

describe("parseParams", () => {
  const schema = z
    .object({ alpha: z.number().max(1).default(0.2), target: z.number().int().min(0).default(0) })
    .strict();

  it("applies defaults", () => {
    expect(parseParams(schema, undefined, "attack")).toEqual({ alpha: 0.2, target: 0 });
  });

  it("reports every problem with its path and the value given", () => {
    expect(() =>
      parseParams(schema, { alpha: 2, target: "x", colour: 1 }, "grid.attack[1]"),
    ).toThrowErrorMatchingInlineSnapshot(`
      [HemlockError: grid.attack[1].alpha: Too big: expected number to be <=1, got 2
      grid.attack[1].target: expected number, received string
      grid.attack[1]: Unrecognized key: "colour"]
    `);
    expect(() => parseParams(schema, { alpha: 2 }, "x")).toThrow(HemlockError);
  });

  it("offers the closest key for a mistyped one, nested too", () => {
    const nested = z
      .object({
        trigger: z
          .object({ kind: z.literal("patch"), size: z.number() })
          .strict()
          .default({ kind: "patch", size: 3 }),
        compare: z.union([z.string(), z.object({ name: z.string(), epsilon: z.number() }).strict()]).optional(),
        alpha: z.number().optional(),
      })
      .strict();
    expect(() => parseParams(nested, { trigger: { kind: "patch", sise: 3 }, alpah: 1 }, "grid.attack[0]")).toThrow(
      'grid.attack[0].trigger: Unrecognized key: "sise"; did you mean "size"?\n' +
        'grid.attack[0]: Unrecognized key: "alpah"; did you mean "alpha"?',
    );
    expect(schemaKeysAt(nested, ["compare"]).sort()).toEqual(["epsilon", "name"]);
    expect(() => parseParams(nested, { colour: 1 }, "x")).toThrow(/^x: Unrecognized key: "colour"$/);
  });
});
