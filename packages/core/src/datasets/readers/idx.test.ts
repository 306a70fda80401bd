import { describe, expect, it } from "vitest";
import { idxBytes } from "../../testing/idx-bytes.js";
import { parseIdx } from "./idx.js";

describe("parseIdx", () => {
  it("reads dimensions and bytes", () => {
    const idx = parseIdx(idxBytes([2, 2, 3], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]), "x.gz");
    expect(idx.dims).toEqual([2, 2, 3]);
    expect([...idx.data]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]);
  });

  it("names the file when the header and the data disagree", () => {
    expect(() => parseIdx(idxBytes([3, 2], [1, 2, 3]), "bad.gz")).toThrow(
      "bad.gz: IDX header promises 6 values, file holds 3",
    );
  });
});
