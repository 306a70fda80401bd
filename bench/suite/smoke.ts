/**
 * The suite's smoke mode (HEMLOCK_BENCH_SMOKE=1): each side-by-side benchmark at tiny sizes,
 * without its peer, writing its record to HEMLOCK_BENCH_RESULTS_DIR and leaving
 * docs/performance.md alone. `pnpm test` runs it (suite/suite-smoke.test.ts) so that the suite
 * keeps working between the full runs, whose figures are the ones the docs quote.
 */
export const SMOKE = process.env.HEMLOCK_BENCH_SMOKE === "1";
