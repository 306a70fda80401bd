import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Dataset } from "../datasets/dataset.js";
import { SeededRandom } from "../random/seeded-random.js";
import { defineAttack } from "./define-attack.js";
import "../register-builtins.js";
import { attackConformance } from "../testing/attack-conformance.js";
import { attacks } from "./attack-registry.js";

const r = new SeededRandom(9);
const images: Dataset = {
  name: "conformance-images",
  split: "train",
  x: Float32Array.from({ length: 120 * 100 }, () => r.float()),
  exampleShape: [10, 10, 1],
  labels: Int32Array.from({ length: 120 }, (_, i) => i % 3),
  classes: 3,
  classNames: ["a", "b", "c"],
  domain: { kind: "image", min: 0, max: 1 },
  sources: [],
};
const rows: Dataset = {
  ...images,
  name: "conformance-rows",
  x: Float32Array.from({ length: 120 * 7 }, () => r.normal()),
  exampleShape: [7],
  domain: { kind: "tabular", featureNames: ["f0", "f1", "f2", "f3", "f4", "f5", "f6"] },
};

describe("every registered attack conforms", () => {
  const cases = attacks.list().flatMap((plugin) => plugin.domains.map((domain) => [plugin.name, domain] as const));
  it.each(cases)("%s on %s data", (name, domain) => {
    const problems = attackConformance(attacks.get(name), domain === "image" ? images : rows, 0.15);
    expect(problems).toEqual([]);
  });
});

let calls = 0;

describe("the conformance suite catches a broken attack", () => {
  it("reports a wrong budget, an unmasked change and a nondeterministic poison", () => {
    attacks.register(
      defineAttack({
        name: "broken-for-test",
        summary: "over budget, with an unmasked change, and not determined by its seed",
        citation: "none",
        kind: "label-flip",
        domains: ["image"],
        params: z.object({}).strict(),
        poison: (clean, _params, { rate, alloc }) => {
          const labels = alloc.int32(clean.labels.length);
          labels.set(clean.labels);
          const mask = new Uint8Array(clean.labels.length);
          const flip = (i: number) => {
            labels[i] = ((labels[i] as number) + 1) % clean.classes;
          };
          // One over budget, masked.
          const count = Math.round(rate * clean.labels.length) + 1;
          for (let i = 0; i < count; i++) {
            flip(i);
            mask[i] = 1;
          }
          // One change the mask hides.
          flip(count);
          // One that depends on how often it was called, not on the seed.
          calls += 1;
          flip(count + 1 + calls);
          mask[count + 1 + calls] = 1;
          return {
            train: { ...clean, labels },
            mask,
            semantics: { rate, rateOf: "all", mode: "replace", target: 0, mapping: "all-to-one" },
          };
        },
      }),
    );
    const problems = attackConformance(attacks.get("broken-for-test"), images, 0.15);
    expect(problems).toContain("the same seed gave a different poison");
    expect(problems).toContain("poisoned 20, budget is round(0.15 x 120) = 18");
    expect(problems).toContain("example 19 changed but the mask says it is clean");
  });
});
