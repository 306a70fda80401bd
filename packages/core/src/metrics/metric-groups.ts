/**
 * Which family each recorded metric belongs to, so a metric picker lists an experiment's metrics
 * under headings (headline, per-source-class ASR, poison detection, ...) with their titles rather
 * than as one alphabetical list of raw keys.
 */
import { METRIC_LABELS } from "./metric-direction.js";

export const METRIC_GROUPS = [
  "headline",
  "attack success by source class",
  "poison detection",
  "triggered-input detection",
  "defense diagnostics",
  "cost",
  "other",
] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

const HEADLINE = new Set([
  "cleanAccuracy",
  "attackSuccessRate",
  "robustAccuracy",
  "certifiedAccuracy",
  "targetedAttackSuccess",
  "intendedLabelRate",
]);

export function metricGroup(name: string): MetricGroup {
  if (HEADLINE.has(name)) return "headline";
  if (name.startsWith("attackSuccessRate.")) return "attack success by source class";
  if (name.startsWith("detection.")) return "poison detection";
  if (name.startsWith("inputDetection.")) return "triggered-input detection";
  if (name.startsWith("defense.") || name === "removed" || name === "flagged") return "defense diagnostics";
  if (name === "trainingPasses") return "cost";
  return "other";
}

const PARTS: Readonly<Record<string, string>> = {
  accuracy: "accuracy",
  auroc: "AUROC",
  f1: "F1",
  fpr: "false-positive rate",
  tpr: "true-positive rate",
  precision: "precision",
  recall: "recall",
  tprAt5Fpr: "true-positive rate at 5% FPR",
};

/** A readable name for any metric key: the label where one exists, else one built from its parts. */
export function metricName(name: string): string {
  const known = METRIC_LABELS[name];
  if (known) return known;
  const source = /^attackSuccessRate\.from(\d+)$/.exec(name);
  if (source) return `attack success rate from class ${source[1]}`;
  const [family, part] = name.split(".", 2) as [string, string | undefined];
  if (part && PARTS[part]) {
    if (family === "detection") return `poison detection ${PARTS[part]}`;
    if (family === "inputDetection") return `triggered-input detection ${PARTS[part]}`;
  }
  if (name === "trainingPasses") return "training passes";
  if (name === "removed") return "training examples removed";
  if (name === "flagged") return "training examples flagged";
  if (family === "defense" && part) return `defense: ${part}`;
  return name;
}
