import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { HemlockError } from "../errors.js";
import { parseBackendChoice } from "./backend-name.js";
import { selectBackend } from "./select-backend.js";

// tfjs-node cannot install on machines without network access to libtensorflow; these tests
// assert what happens either way.
const hasTfjsNode = await import("@tensorflow/tfjs-node" as string).then(
  () => true,
  () => false,
);

describe("selectBackend", () => {
  it("picks tensorflow if it loads, else wasm, and explains every other backend", async () => {
    const selection = await selectBackend("auto", { probeAll: true });
    expect(selection.name).toBe(hasTfjsNode ? "tensorflow" : "wasm");
    expect(tf.getBackend()).toBe(selection.name);
    const byName = Object.fromEntries(selection.statuses.map((s) => [s.name, s]));
    expect(byName.tensorflow?.available).toBe(hasTfjsNode);
    if (!hasTfjsNode) expect(byName.tensorflow?.detail).toMatch(/tfjs-node/);
    expect(byName.wasm?.available).toBe(true);
    expect(byName.cpu).toEqual({
      name: "cpu",
      available: true,
      detail: `available, but ${selection.name} is preferred over cpu`,
    });
  });

  it("honours an explicit choice", async () => {
    const selection = await selectBackend("cpu");
    expect(selection.name).toBe("cpu");
    expect(tf.getBackend()).toBe("cpu");
    expect(selection.statuses.find((s) => s.name === "wasm")?.detail).toBe("not requested (--backend cpu)");
  });

  it.skipIf(hasTfjsNode)("refuses an unavailable explicit choice with the reason", async () => {
    const error = await selectBackend("tensorflow").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HemlockError);
    expect((error as HemlockError).code).toBe("BACKEND_UNAVAILABLE");
    expect((error as HemlockError).message).toMatch(/^backend "tensorflow" is not available: .*tfjs-node/);
  });

  it("rejects an unknown backend name", () => {
    expect(() => parseBackendChoice("gpu")).toThrowErrorMatchingInlineSnapshot(
      `[HemlockError: --backend: unknown backend "gpu"; expected one of auto, tensorflow, wasm, cpu]`,
    );
  });
});
