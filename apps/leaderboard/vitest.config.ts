import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.js";

// The shared settings, plus TSX: the pages' components render to HTML in the tests.
export default mergeConfig(
  shared,
  defineConfig({
    test: { include: ["test/**/*.test.ts", "test/**/*.test.tsx"] },
    esbuild: { jsx: "automatic" },
  }),
);
