import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { experimentJsonSchema } from "./json-schema.js";

describe("experiments/schema.json", () => {
  it("is the current schema (regenerate with `pnpm hemlock schema --out experiments/schema.json`)", async () => {
    const committed = JSON.parse(
      await readFile(new URL("../../../../experiments/schema.json", import.meta.url), "utf8"),
    );
    expect(committed).toEqual(experimentJsonSchema());
  });

  it("describes the axes, the grid and the seeds for editors", () => {
    const schema = experimentJsonSchema() as {
      properties: Record<string, { description?: string }>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual([
      "name",
      "description",
      "dataset",
      "model",
      "train",
      "attack",
      "rate",
      "defense",
      "seeds",
      "grid",
      "zip",
      "exclude",
      "holdout",
      "paper",
      "expect",
      "differences",
      "findings",
    ]);
    expect(schema.required).toEqual(["name"]);
    expect(schema.properties.seeds?.description).toBe("A count n (seeds 1..n) or the list of seeds");
  });
});
