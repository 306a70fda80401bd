/**
 * Targeted-attack success, by the definition of metric-spec.ts: for each target test example of
 * a targeted poison (feature collision), whether the model misclassifies it, and whether it gives
 * it the label the attacker intended.
 */
import type { PoisonResult } from "../attacks/define-attack.js";
import type { Dataset } from "../datasets/dataset.js";
import { gatherBatch } from "../datasets/labeled-arrays.js";
import type { Predict } from "./backdoor-metrics.js";

export interface TargetedMetrics {
  /** Share of targets misclassified (the metric spec's targeted-attack success). */
  targetedAttackSuccess: number;
  /** Share of targets given exactly the intended label. */
  intendedLabelRate: number;
  perTarget: { index: number; trueLabel: number; predicted: number; intended: number; misclassified: boolean }[];
}

export function targetedMetrics(
  predict: Predict,
  test: Dataset,
  targets: NonNullable<PoisonResult["targets"]>,
): TargetedMetrics {
  const batch = gatherBatch(test, targets.indices);
  const predicted = predict({ x: batch.x, exampleShape: test.exampleShape });
  const perTarget = [...targets.indices].map((index, k) => ({
    index,
    trueLabel: batch.labels[k] as number,
    predicted: predicted[k] as number,
    intended: targets.intendedLabels[k] as number,
    misclassified: predicted[k] !== batch.labels[k],
  }));
  const n = Math.max(perTarget.length, 1);
  return {
    targetedAttackSuccess: perTarget.filter((t) => t.misclassified).length / n,
    intendedLabelRate: perTarget.filter((t) => t.predicted === t.intended).length / n,
    perTarget,
  };
}
