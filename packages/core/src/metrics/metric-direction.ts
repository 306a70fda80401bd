/**
 * Which way is better for each recorded metric, so leaderboards rank, bold and draw Pareto fronts
 * the right way round: an attack's success, a detector's false-positive rate and a defense's cost
 * are better low; accuracies, detection rates and certificates are better high. Diagnostics
 * ("defense.*") and counts (removed, flagged) have no better direction.
 */
export type MetricDirection = "higher" | "lower" | "none";

const LOWER = new Set(["attackSuccessRate", "targetedAttackSuccess", "intendedLabelRate", "trainingPasses"]);

export function metricDirection(name: string): MetricDirection {
  if (LOWER.has(name) || name.startsWith("attackSuccessRate.")) return "lower";
  if (name === "defense.certifiedFlips") return "higher";
  if (name.startsWith("defense.") || name === "removed" || name === "flagged") return "none";
  if (name.endsWith(".fpr")) return "lower";
  return "higher";
}

/** Short human names for the headline metrics, for table and chart titles. */
export const METRIC_LABELS: Readonly<Record<string, string>> = {
  cleanAccuracy: "clean accuracy",
  attackSuccessRate: "attack success rate",
  robustAccuracy: "robust accuracy",
  targetedAttackSuccess: "targeted attack success",
  "detection.f1": "poison detection F1",
  "detection.accuracy": "poison detection accuracy",
  "detection.auroc": "poison detection AUROC",
  "inputDetection.tprAt5Fpr": "triggered inputs flagged at 5% FPR",
  "defense.certifiedFlips": "certified label flips",
};

/** Whether values are shares in [0, 1], shown as percentages. */
export function isProportion(name: string): boolean {
  return !(name === "trainingPasses" || name === "removed" || name === "flagged" || name.startsWith("defense."));
}
