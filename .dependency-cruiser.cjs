/**
 * The layering, checked on every `pnpm test` (the `//#deps` task): data flows one way, spec ->
 * cells -> artifacts -> metrics -> store -> leaderboard, so core imports none of the packages
 * after it, the store not the runner or the CLI, the app only the store and core's portable
 * entry, a worker thread's code none of the main thread's, and nothing imports in a cycle.
 * Workspace packages resolve to their built `dist/`; both spellings are matched.
 */
const pkg = (name) => `^packages/${name}/|^node_modules/@hemlock/${name}/|^@hemlock/${name}($|/)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      severity: "error",
      comment: "An import cycle: modules that cannot be understood, tested or loaded apart.",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-imports-nothing-after-it",
      severity: "error",
      comment: "Core (datasets, models, attacks, defenses, metrics) knows nothing of the runner, store, CLI or app.",
      from: { path: "^packages/core/src/" },
      to: { path: [pkg("runner"), pkg("store"), pkg("cli"), "^apps/"] },
    },
    {
      name: "datasets-import-no-training",
      severity: "error",
      comment: "Training reads datasets; datasets know nothing of training (the two once imported each other).",
      from: { path: "^packages/core/src/datasets/" },
      to: { path: "^packages/core/src/training/" },
    },
    {
      name: "builtins-are-leaves",
      severity: "error",
      comment:
        "A built-in plugin is reached through its registry: only register-builtins.ts (and tests) import builtins/, so adding one is one file and one line.",
      from: {
        path: "^packages/core/src/",
        pathNot: "^packages/core/src/(register-builtins|index)\\.ts$|\\.test\\.ts$|^packages/core/src/testing/",
      },
      to: { path: "^packages/core/src/[a-z-]+/builtins/" },
    },
    {
      name: "store-imports-no-runner",
      severity: "error",
      comment: "The store records and reads results; it does not run them.",
      from: { path: "^packages/store/src/" },
      to: { path: [pkg("runner"), pkg("cli"), "^apps/"] },
    },
    {
      name: "runner-imports-no-cli",
      severity: "error",
      comment: "The runner is a library the CLI drives.",
      from: { path: "^packages/runner/src/" },
      to: { path: [pkg("cli"), "^apps/"] },
    },
    {
      name: "app-reads-only-the-store",
      severity: "error",
      comment: "The leaderboard only reads the store (and core's portable entry): no runner, CLI or TensorFlow.js.",
      from: { path: "^apps/leaderboard/(app|components|lib)/" },
      to: { path: [pkg("runner"), pkg("cli"), "^@tensorflow/", "^node_modules/@tensorflow/"] },
    },
    {
      name: "app-uses-core-portable-only",
      severity: "error",
      comment:
        "Core's main entry loads TensorFlow.js; the app may use its light entries only (@hemlock/core/portable, /metric-names).",
      from: { path: "^apps/leaderboard/(app|components|lib)/" },
      to: { path: pkg("core"), pathNot: "/dist/(portable|metrics/metric-names|registry/plugin-catalog)\\.js$" },
    },
    {
      name: "worker-imports-no-main-thread",
      severity: "error",
      comment:
        "Code that runs in a worker thread (execute/worker) must not pull in the scheduler, the executors or the recording: they hold the store and the pool.",
      from: { path: "^packages/runner/src/execute/worker/" },
      to: {
        path: [
          "^packages/runner/src/execute/(scheduler|executors)/",
          "^packages/runner/src/record/",
          pkg("store"),
          "^better-sqlite3$|^node_modules/better-sqlite3/|^drizzle-orm|^node_modules/drizzle-orm/",
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "/dist/"] },
    exclude: { path: ["\\.next", "/test-results/"] },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "default", "node"] },
  },
};
