/**
 * Clean accuracy, attack success rate and robust accuracy of a model against a backdoor, by the
 * definitions of metric-spec.ts.
 */

import type { TriggerSource } from "../attacks/define-attack.js";
import type { PoisonSemantics } from "../attacks/poison-semantics.js";
import { attackerLabel } from "../attacks/poison-semantics.js";
import { triggeredRows } from "../attacks/triggered-rows.js";
import type { Dataset } from "../datasets/dataset.js";

export type Predict = (examples: { x: Float32Array; exampleShape: number[] }) => Int32Array;

export interface BackdoorMetrics {
  cleanAccuracy: number;
  /** Undefined when the attack has no trigger (label flipping). */
  attackSuccessRate?: number;
  robustAccuracy?: number;
  /** Size of the ASR population: test examples whose attacker label differs from their own. */
  triggeredExamples?: number;
  /** ASR by true class (the i -> attacker label pairs), for the classes in the population. */
  attackSuccessBySource?: Map<number, number>;
}

export function backdoorMetrics(
  predict: Predict,
  test: Dataset,
  trigger: TriggerSource | undefined,
  semantics: Pick<PoisonSemantics, "target" | "mapping">,
): BackdoorMetrics {
  const clean = predict(test);
  const cleanAccuracy = clean.filter((p, i) => p === test.labels[i]).length / clean.length;
  if (trigger === undefined) return { cleanAccuracy };
  const population = [...test.labels.keys()].filter(
    (i) => attackerLabel(semantics, test.labels[i] as number, test.classes) !== test.labels[i],
  );
  const x = triggeredRows(trigger, test, population);
  const triggered = predict({ x, exampleShape: test.exampleShape });
  let success = 0;
  let robust = 0;
  const bySource = new Map<number, { success: number; total: number }>();
  population.forEach((i, k) => {
    const label = test.labels[i] as number;
    const hit = triggered[k] === attackerLabel(semantics, label, test.classes);
    if (hit) success++;
    if (triggered[k] === label) robust++;
    const entry = bySource.get(label) ?? { success: 0, total: 0 };
    entry.total++;
    if (hit) entry.success++;
    bySource.set(label, entry);
  });
  return {
    cleanAccuracy,
    attackSuccessRate: success / population.length,
    robustAccuracy: robust / population.length,
    triggeredExamples: population.length,
    attackSuccessBySource: new Map([...bySource].sort(([a], [b]) => a - b).map(([c, e]) => [c, e.success / e.total])),
  };
}
