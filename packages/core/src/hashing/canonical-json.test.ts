/**
 * The canonical JSON every cell and artifact identity is hashed from. Stored identities depend on
 * this exact text, so the expected strings are written out: a change here orphans every store.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "./canonical-json.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth, integer-like keys first in numeric order", () => {
    const value = { b: 1, a: { z: [3, { y: 1, x: 2 }], "10": 0, "9": 0, "01": 0 } };
    expect(canonicalJson(value)).toBe('{"a":{"9":0,"10":0,"01":0,"z":[3,{"x":2,"y":1}]},"b":1}');
  });

  it("drops undefined members and writes non-finite numbers as null, as JSON does", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, Number.NaN], c: null })).toBe('{"b":[null,null],"c":null}');
  });

  it("hashes equal configurations written in any key order alike", () => {
    const config = { rate: 0.1, attack: { name: "badnets", target: 0 } };
    expect(contentHash(config)).toBe(
      createHash("sha256").update('{"attack":{"name":"badnets","target":0},"rate":0.1}').digest("hex"),
    );
    expect(contentHash({ attack: { target: 0, name: "badnets" }, rate: 0.1 })).toBe(contentHash(config));
  });
});
