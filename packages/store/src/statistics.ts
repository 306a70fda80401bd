/**
 * @hemlock/store/statistics: the statistics the reports use, as pure functions with no database:
 * paired t and Wilcoxon signed-rank tests, Holm's correction, bootstrap intervals, interval ranks
 * and the Friedman test.
 */

export { bootstrapInterval } from "./statistics/bootstrap-interval.js";
export { type FriedmanTest, friedmanTest } from "./statistics/friedman-test.js";
export { holmAdjust } from "./statistics/holm.js";
export { type IntervalEntry, intervalRanks } from "./statistics/interval-ranks.js";
export { type PairedTest, pairedTTest } from "./statistics/paired-t-test.js";
export { type SignedRankTest, wilcoxonSignedRank } from "./statistics/wilcoxon-signed-rank.js";
