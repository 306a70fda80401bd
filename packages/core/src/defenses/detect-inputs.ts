/**
 * Fits an input-detecting defense (STRIP) on the poisoned model and a clean holdout, then scores
 * clean and triggered test inputs: the flags and detection metrics, with triggered inputs as the
 * positives, so the clean share flagged is the false-rejection rate.
 */
import type { TriggerSource } from "../attacks/define-attack.js";
import { triggeredRows } from "../attacks/triggered-rows.js";
import type { Dataset } from "../datasets/dataset.js";
import { type DetectionMetrics, detectionMetrics } from "../metrics/detection-metrics.js";
import type { Classifier } from "../models/classifier.js";
import type { InputDetector } from "./define-defense.js";
import { type DefenseSpec, resolveDefenseOfKind } from "./resolve-defense.js";

export function fitInputDetector(
  spec: DefenseSpec | string,
  context: { model: Classifier; holdout: Dataset; seed: number; where?: string },
): InputDetector {
  const where = context.where ?? "defense";
  const { plugin, params } = resolveDefenseOfKind(spec, "detect-input", where);
  return plugin.fit(params, { ...context, where });
}

/** Scores `inputs` clean and with the trigger; triggered copies are the positives. */
export function evaluateInputDetector(
  detector: InputDetector,
  inputs: Dataset,
  trigger: TriggerSource,
): DetectionMetrics & { flaggedClean: number; flaggedTriggered: number } {
  const triggeredX = triggeredRows(trigger, inputs);
  const clean = detector.score(inputs);
  const triggered = detector.score({ x: triggeredX, exampleShape: inputs.exampleShape });
  const scores = Float32Array.from([...clean, ...triggered]);
  const flags = scores.map((s) => (s > detector.threshold ? 1 : 0));
  const mask = Uint8Array.from({ length: scores.length }, (_, i) => (i >= clean.length ? 1 : 0));
  const metrics = detectionMetrics(scores, flags, mask);
  return {
    ...metrics,
    flaggedClean: metrics.fpr,
    flaggedTriggered: metrics.tpr,
  };
}
