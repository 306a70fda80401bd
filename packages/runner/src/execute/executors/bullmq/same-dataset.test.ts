import { type DatasetSplits, isHemlockError } from "@hemlock/core";
import { describe, expect, it } from "vitest";
import type { CellConfig } from "../../../cells/resolve-cells.js";
import { assertSameDataset } from "./same-dataset.js";

const group = (checksums: string[]) => ({
  cells: [{ identity: "c", config: { dataset: { name: "mnist" } } as CellConfig, chain: ["root", "model"] }],
  nodes: { root: { kind: "poisoned-data" as const, inputs: [], spec: { checksums } } },
});
const splits = (sums: string[]) =>
  ({ train: { sources: sums.map((sha256) => ({ sha256 })) } }) as unknown as DatasetSplits;

describe("assertSameDataset", () => {
  it("passes when the worker's files are the run's, in any order", () => {
    expect(() =>
      assertSameDataset(group(["a".repeat(64), "b".repeat(64)]), splits(["b".repeat(64), "a".repeat(64)]), "w:1"),
    ).not.toThrow();
  });

  it("refuses other files, naming the worker, both sums and the fix", () => {
    let error: unknown;
    try {
      assertSameDataset(group(["a".repeat(64)]), splits(["c".repeat(64)]), "host:42");
    } catch (e) {
      error = e;
    }
    expect(isHemlockError(error) && error.code).toBe("DATA_CORRUPT");
    expect((error as Error).message).toBe(
      "worker host:42 loaded other mnist files than the run planned with (sha256 cccccccccccc here, aaaaaaaaaaaa in the plan)",
    );
    expect((error as { hint: string }).hint).toBe(
      "Give the worker the run's mnist files (--data-dir or HEMLOCK_DATA_DIR; hemlock data verify mnist checks them).",
    );
  });
});
