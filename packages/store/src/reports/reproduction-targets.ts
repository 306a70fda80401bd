/**
 * The reproductions page's data: for every experiment with reproduction checks, its paper,
 * setting, latest checks (published against measured, in the metric's units, pass or fail), the
 * run's cost on the machine that ran it, and the differences and findings its file records. The
 * experiment file's text is in the store, so the page needs nothing but the store.
 */
import { parse } from "yaml";
import type { Store } from "../database/open-store.js";
import { metricTitle } from "../format/metric-values.js";
import { describeCells, formatMeasured, formatPublished, formatTolerance } from "../format/repro-check-text.js";
import { shortCitation } from "../format/short-citation.js";
import { experimentSpecText, findExperiment } from "../queries/experiment-queries.js";
import { lastComputingReproRun, type ReproRunRecord } from "../queries/repro-runs.js";
import { type CheckResult, latestReproChecks, type Selector, type StoredCheck } from "./repro-checks.js";

export interface Paper {
  authors: string[];
  title: string;
  venue: string;
  year: number;
  arxiv?: string;
}

export interface CheckLine {
  /** The metric's key, and its title. */
  metricName: string;
  metric: string;
  /** The setting the check read, for links to its cells. */
  setting?: CheckResult["setting"];
  cells: string;
  published: string;
  tolerance: string;
  measured: string;
  passed: boolean;
  source: string;
}

export interface ReproductionTarget {
  experiment: string;
  /** "Gu et al. 2017", when the file names its paper. */
  citation?: string;
  paper?: Paper;
  description?: string;
  differences: { what: string; effect: string }[];
  findings?: string;
  checks: CheckLine[];
  passed: number;
  checkedAt: Date;
  run?: { at: Date; record: ReproRunRecord };
}

interface StoredSelector {
  where?: Selector;
  setting?: Selector;
  relativeTo?: Selector;
  problem?: string;
}

export function reproductionTargets(store: Store): ReproductionTarget[] {
  const byExperiment = new Map<string, StoredCheck[]>();
  for (const check of latestReproChecks(store))
    byExperiment.set(check.experiment, [...(byExperiment.get(check.experiment) ?? []), check]);
  return [...byExperiment.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([experiment, checks]) => {
      const id = findExperiment(store, experiment) as number;
      const spec = specFields(experimentSpecText(store, id) ?? "");
      const run = lastComputingReproRun(store, id);
      return {
        experiment,
        ...(spec.paper ? { citation: shortCitation(spec.paper) } : {}),
        ...spec,
        checks: checks.map((c) => {
          const result = asCheckResult(c);
          return {
            metricName: c.metric,
            metric: metricTitle(c.metric),
            ...(result.setting ? { setting: result.setting } : {}),
            cells: describeCells(result),
            published: formatPublished(c.metric, c.published),
            tolerance: formatTolerance(c.metric, result.expectation.tolerance),
            measured: formatMeasured(result),
            passed: c.passed,
            source: c.source,
          };
        }),
        passed: checks.filter((c) => c.passed).length,
        checkedAt: checks[0]?.checkedAt as Date,
        ...(run ? { run } : {}),
      };
    });
}

/** A recorded check in the shape the shared formatters take. */
function asCheckResult(c: StoredCheck): CheckResult {
  const selector = (c.selector ?? {}) as StoredSelector;
  return {
    expectation: {
      metric: c.metric,
      where: selector.where ?? {},
      published: c.published,
      tolerance: c.tolerance as number | [number, number],
      source: c.source,
      ...(selector.relativeTo ? { relativeTo: selector.relativeTo } : {}),
    },
    ...(selector.setting ? { setting: selector.setting as CheckResult["setting"] } : {}),
    ...(c.measured !== null ? { measured: c.measured } : {}),
    ...(c.ciLow !== null ? { ciLow: c.ciLow } : {}),
    ...(c.ciHigh !== null ? { ciHigh: c.ciHigh } : {}),
    passed: c.passed,
    ...(selector.problem ? { problem: selector.problem } : {}),
  };
}

/** The paper, description, differences and findings of the experiment file's text. */
function specFields(text: string): Pick<ReproductionTarget, "paper" | "description" | "differences" | "findings"> {
  let spec: Record<string, unknown> = {};
  try {
    spec = (parse(text) as Record<string, unknown> | null) ?? {};
  } catch {
    // A file the runner accepted parses; anything else shows the checks without the prose.
  }
  return {
    ...(spec.paper ? { paper: spec.paper as Paper } : {}),
    ...(typeof spec.description === "string" ? { description: spec.description } : {}),
    differences: Array.isArray(spec.differences) ? (spec.differences as { what: string; effect: string }[]) : [],
    ...(typeof spec.findings === "string" ? { findings: spec.findings } : {}),
  };
}
