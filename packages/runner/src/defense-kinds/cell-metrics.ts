/**
 * The metrics a cell records, by the versioned metric spec (core's METRIC_SPEC_VERSION), in the
 * store's long format (name -> value): clean accuracy on the measurement split (the test split
 * less the defender's holdout); for backdoors the attack success rate and robust accuracy; for
 * targeted attacks the targeted success; for sanitizers the detection metrics against the poison
 * mask; for input detectors the share of triggered and clean inputs flagged; for certified
 * defenses the certified accuracy at several radii; and the cost (training passes).
 */
import {
  backdoorMetrics,
  certifiedAccuracy,
  type Dataset,
  type DetectionMetrics,
  type Examples,
  type PoisonedData,
  targetedMetrics,
} from "@hemlock/core";

export type MetricValues = Record<string, number | null>;

export const CERTIFIED_RADII = [1, 2, 5, 10, 20, 50];

export function predictionMetrics(
  predict: (x: Examples) => Int32Array,
  measure: Dataset,
  /** The poisoned data, with `triggeredMeasure` the measurement split's rows of its triggered test split. */
  poisoned: (PoisonedData & { triggeredMeasure?: Float32Array }) | undefined,
  test: Dataset,
): MetricValues {
  const out: MetricValues = {};
  const b = backdoorMetrics(
    predict,
    measure,
    poisoned?.triggeredMeasure,
    poisoned?.semantics ?? { target: 0, mapping: "all-to-one" },
  );
  out.cleanAccuracy = b.cleanAccuracy;
  if (b.attackSuccessRate !== undefined) out.attackSuccessRate = b.attackSuccessRate;
  if (b.robustAccuracy !== undefined) out.robustAccuracy = b.robustAccuracy;
  for (const [source, rate] of b.attackSuccessBySource ?? []) out[`attackSuccessRate.from${source}`] = rate;
  if (poisoned?.targets) {
    const t = targetedMetrics(predict, test, poisoned.targets);
    out.targetedAttackSuccess = t.targetedAttackSuccess;
    out.intendedLabelRate = t.intendedLabelRate;
  }
  return out;
}

export function detectionValues(prefix: string, d: DetectionMetrics): MetricValues {
  const pick = {
    tpr: d.tpr,
    fpr: d.fpr,
    precision: d.precision,
    recall: d.recall,
    f1: d.f1,
    accuracy: d.accuracy,
    auroc: d.auroc,
    tprAt5Fpr: d.tprAt5Fpr,
  };
  return Object.fromEntries(Object.entries(pick).map(([k, v]) => [`${prefix}.${k}`, Number.isFinite(v) ? v : null]));
}

export function certifiedValues(
  certify: (x: Examples) => { predictions: Int32Array; radii: Int32Array },
  measure: Dataset,
): MetricValues {
  const { predictions, radii } = certify(measure);
  return Object.fromEntries(
    certifiedAccuracy(predictions, radii, measure.labels, CERTIFIED_RADII).map(({ radius, accuracy }) => [
      `certifiedAccuracy.r${radius}`,
      accuracy,
    ]),
  );
}

/** How many examples a mask marks. */
export function count(mask: Uint8Array): number {
  return mask.reduce((a, b) => a + b, 0);
}

/** The epochs of the cell's training: a training pass's unit of cost. */
export function epochs(config: { train: Record<string, unknown> }): number {
  return Number(config.train.epochs ?? 0);
}

/** A plugin's own numbers under its prefix (`defense.`, `attack.`), non-finite ones as null. */
export function prefixed(prefix: string, values: Record<string, number> | undefined): MetricValues {
  return Object.fromEntries(
    Object.entries(values ?? {}).map(([k, v]) => [`${prefix}.${k}`, Number.isFinite(v) ? v : null]),
  );
}
