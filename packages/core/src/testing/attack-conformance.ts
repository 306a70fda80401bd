/**
 * The conformance checks every attack plugin must pass (in the spirit of tfjs running core's
 * whole suite on every backend): the same seed gives the same poison; shapes and dtypes are kept;
 * the budget is respected (exactly round(rate x base) poisoned, mask agreeing with the changes);
 * and no tfjs tensors are left behind. Returns the problems found, empty when the plugin conforms.
 */

import type { AttackPlugin } from "../attacks/define-attack.js";
import { poisonDataset } from "../attacks/poison-dataset.js";
import { tf } from "../backend/tf.js";
import type { Dataset } from "../datasets/dataset.js";
import { exampleSize } from "../datasets/labeled-arrays.js";

export function attackConformance(plugin: AttackPlugin, clean: Dataset, rate: number): string[] {
  const problems: string[] = [];
  const tensorsBefore = tf.memory().numTensors;
  // The clean set doubles as the test split, where targeted attacks find their targets.
  const run = (seed: number) => poisonDataset(plugin.name, clean, { rate, seed, test: { ...clean, split: "test" } });
  const a = run(11);
  const b = run(11);
  if (tf.memory().numTensors !== tensorsBefore)
    problems.push(`left ${tf.memory().numTensors - tensorsBefore} tensors behind`);
  if (
    !a.mask.every((m, i) => m === b.mask[i]) ||
    !a.train.x.every((v, i) => v === b.train.x[i]) ||
    !a.train.labels.every((l, i) => l === b.train.labels[i])
  ) {
    problems.push("the same seed gave a different poison");
  }
  if (!(a.train.x instanceof Float32Array) || !(a.train.labels instanceof Int32Array))
    problems.push("features or labels changed dtype");
  if (a.train.exampleShape.join() !== clean.exampleShape.join())
    problems.push(`example shape changed to [${a.train.exampleShape}]`);
  const size = exampleSize(clean);
  if (a.train.x.length !== a.train.labels.length * size || a.mask.length !== a.train.labels.length)
    problems.push("features, labels and mask disagree in length");
  const base =
    a.semantics.rateOf === "targetClass"
      ? clean.labels.filter((l) => l === a.semantics.target).length
      : clean.labels.length;
  const poisoned = a.mask.reduce((x, y) => x + y, 0);
  if (poisoned !== Math.round(rate * base))
    problems.push(`poisoned ${poisoned}, budget is round(${rate} x ${base}) = ${Math.round(rate * base)}`);
  const n = clean.labels.length;
  for (let i = 0; i < Math.min(n, a.train.labels.length); i++) {
    if (a.mask[i]) continue;
    const same =
      a.train.labels[i] === clean.labels[i] &&
      a.train.x.subarray(i * size, (i + 1) * size).every((v, k) => v === clean.x[i * size + k]);
    if (!same) {
      problems.push(`example ${i} changed but the mask says it is clean`);
      break;
    }
  }
  const labelsKept = a.train.labels.every((l, i) => i >= n || l === clean.labels[i]);
  if ((plugin.kind === "clean-label" || plugin.kind === "targeted") && !labelsKept)
    problems.push(`a ${plugin.kind} attack changed labels`);
  if (plugin.kind === "targeted" && (a.targets === undefined || a.targets.indices.length === 0))
    problems.push("a targeted attack named no target");
  if ((plugin.kind === "backdoor" || plugin.kind === "clean-label") && a.trigger === undefined)
    problems.push("a backdoor returned no test-time trigger");
  return problems;
}
