/**
 * @hemlock/store/reports: what is computed from the results: defenses ranked per setting with
 * intervals and paired tests, two defenses or attacks compared, the app's metric boards, and the
 * reproduction checks against published numbers.
 */

export {
  type ComparableNames,
  type CompareAxis,
  type CompareOptions,
  comparableNames,
  compareAxisOf,
  comparePlugins,
  type PluginComparison,
  pluginComparer,
  type SettingComparison,
} from "./reports/compare-plugins.js";
export { type FriedmanAcrossSettings, friedmanAcrossSettings } from "./reports/friedman-across-settings.js";
export {
  type BoardEntry,
  type BoardOptions,
  type BoardSetting,
  type MetricBoard,
  metricBoard,
  type UndefinedEntry,
} from "./reports/metric-board.js";
export {
  byBoardOrder,
  type PairedTestName,
  type RankedEntry,
  type RankedSetting,
  type RankOptions,
  rankDefenses,
  type VersusBest,
} from "./reports/ranked-leaderboard.js";
export {
  type CheckResult,
  type Expectation,
  evaluateExpectations,
  latestReproChecks,
  recordReproChecks,
  type Selector,
  type StoredCheck,
} from "./reports/repro-checks.js";
export {
  type CheckLine,
  type Paper,
  type ReproductionTarget,
  reproductionTargets,
} from "./reports/reproduction-targets.js";
