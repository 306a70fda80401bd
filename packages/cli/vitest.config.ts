import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The JSON report feeds the one-line summary .ci/run prints.
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    maxWorkers: 2,
    testTimeout: 120_000,
  },
});
