/**
 * Vitest settings shared by every package: where tests live, a concurrency that fits the 2-core
 * machines we target (tfjs kernels are CPU-bound), generous timeouts for real-data tests, and the
 * JSON report that feeds the summary line .ci/run prints.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
