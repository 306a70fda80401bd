import { describe, expect, it } from "vitest";
import { npyBytes } from "./npy.js";

describe("npyBytes", () => {
  it("writes a v1.0 header padded to 64 bytes, then the data", () => {
    const bytes = npyBytes(Int32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLength = bytes[8] as number;
    expect((10 + headerLength) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    expect(header.trim()).toBe("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }");
    expect(Array.from(new Int32Array(bytes.slice(10 + headerLength).buffer))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new TextDecoder().decode(npyBytes(new Uint8Array(3), [3]).subarray(10, 70))).toContain("'shape': (3,)");
  });
});
