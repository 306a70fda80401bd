/**
 * `hemlock repro FILE… | --all`: runs reproduction files (experiments/repro/*.yaml: a grid plus
 * the paper and its published numbers), reusing every finished cell and cached artifact, then
 * checks each published number against the measurement (mean over seeds, 95% CI), records the
 * checks in the store, and prints measured against published with pass or fail. Exits 1 when a
 * check fails. --check-only re-checks what the store holds without running; --report FILE writes
 * docs/reproductions.md from the files and the store.
 */
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { HemlockError } from "@hemlock/core";
import { type ExperimentPlan, planExperiment } from "@hemlock/runner";
import { findExperiment, logEvent, openStore } from "@hemlock/store";
import { describeCells, formatMeasured, formatPublished, formatTolerance, metricTitle } from "@hemlock/store/portable";
import { type CheckResult, evaluateExpectations, recordReproChecks } from "@hemlock/store/reports";
import Table from "cli-table3";
import pc from "picocolors";
import { selectBackendOption } from "../backend-option.js";
import { resolveDataDirOption } from "../data-dir-option.js";
import { flag, text } from "../options/option-values.js";
import { executionFields, type OptionValues, optionTable, storeFields } from "../options/shared-tables.js";
import { type ReproducedTarget, writeReproductionReport } from "../repro/reproduction-report.js";
import { queueOptions, runGrid } from "../run-grid.js";

export const OPTIONS = optionTable({
  ...storeFields,
  ...executionFields,
  all: flag,
  checkOnly: flag,
  report: text.optional(),
  json: flag,
});

export const REPRO_DIR = join("experiments", "repro");

export async function run(args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const files = options.all ? await reproFiles() : args;
  if (files.length === 0)
    throw new HemlockError(
      "INVALID_ARGUMENT",
      "give reproduction files, or --all for every file in experiments/repro/",
    );
  const { workers } = options;
  const backend = await selectBackendOption(options);
  const dataDir = resolveDataDirOption(options.dataDir).dir;
  // Plan every file first, so a mistake in the last one is found before the first one runs.
  const plans: [string, ExperimentPlan][] = [];
  for (const file of files) {
    const plan = await planExperiment(file, { backend: backend.name, dataDir });
    if (!plan.parsed.spec.paper || plan.parsed.spec.expect.length === 0)
      throw new HemlockError(
        "INVALID_SPEC",
        `${file}: a reproduction file needs a paper block and an expect list of published numbers`,
        "See docs/reproductions.md for the format.",
      );
    plans.push([file, plan]);
  }
  const store = await openStore(resolve(options.db));
  const targets: ReproducedTarget[] = [];
  let failed = 0;
  try {
    for (const [file, plan] of plans) {
      const spec = plan.parsed.spec;
      if (!options.checkOnly) {
        const { summary, seconds, threads } = await runGrid(plan, {
          store,
          dataDir,
          backend: backend.name,
          ...(workers === undefined ? {} : { workers }),
          json: options.json,
          ...queueOptions(options),
        });
        logEvent(store, {
          experimentId: summary.experimentId,
          kind: "repro-run",
          payload: { seconds, threads, backend: backend.name, cells: plan.cells.length, ...summary },
        });
        if (summary.failed > 0 || summary.notRun > 0)
          console.error(`${file}: ${summary.failed} cells failed and ${summary.notRun} did not run; their checks fail`);
      }
      const experimentId = findExperiment(store, spec.name);
      if (experimentId === undefined)
        throw new HemlockError(
          "STORE",
          `${file}: experiment ${spec.name} has not run in ${store.path}`,
          "Run it without --check-only first.",
        );
      const results = evaluateExpectations(store, experimentId, spec.expect);
      recordReproChecks(store, experimentId, results);
      failed += results.filter((r) => !r.passed).length;
      targets.push({ file, spec, experimentId, results });
      if (options.json) console.log(JSON.stringify({ type: "repro", file, experiment: spec.name, results }));
      else printChecks(file, spec.name, results);
    }
    if (options.report !== undefined) {
      await writeReproductionReport(store, targets, options.report);
      console.log(`wrote ${options.report}`);
    }
  } finally {
    store.close();
  }
  return failed > 0 ? 1 : 0;
}

async function reproFiles(): Promise<string[]> {
  const names = await readdir(REPRO_DIR).catch(() => {
    throw new HemlockError("INVALID_ARGUMENT", `--all: no ${REPRO_DIR}/ here`, "Run it from the repository root.");
  });
  return names
    .filter((n) => n.endsWith(".yaml") || n.endsWith(".yml"))
    .sort()
    .map((n) => join(REPRO_DIR, n));
}

function printChecks(file: string, name: string, results: CheckResult[]): void {
  const table = new Table({
    head: ["check", "cells", "published", "tolerance", "measured [95% CI]", "n", "result", "source"],
    style: { head: [], border: [] },
  });
  for (const r of results) {
    const { metric } = r.expectation;
    table.push([
      metricTitle(metric),
      describeCells(r),
      formatPublished(metric, r.expectation.published),
      formatTolerance(metric, r.expectation.tolerance),
      formatMeasured(r),
      r.n ?? "",
      r.passed ? pc.green("PASS") : pc.red("FAIL"),
      r.expectation.source,
    ]);
  }
  const passed = results.filter((r) => r.passed).length;
  console.log(`\n${name} (${file}): ${passed} of ${results.length} checks pass`);
  console.log(table.toString());
}
