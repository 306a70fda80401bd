import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.js";

// The shared settings, plus TSX: the pages' components render to HTML in the tests. The browser
// tests share one server and one browser, so their file runs its tests in order.
export default mergeConfig(
  shared,
  defineConfig({
    test: { include: ["test/**/*.test.ts", "test/**/*.test.tsx"] },
    esbuild: { jsx: "automatic" },
  }),
);
