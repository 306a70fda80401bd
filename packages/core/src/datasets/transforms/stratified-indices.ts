/**
 * Seeded, stratified selection of example indices: a train/test split, and a subset of a given
 * size. Each class contributes in proportion to its share (largest remainders settle rounding,
 * so sizes are exact), and indices come back in ascending order, keeping the source order.
 */
import { SeededRandom } from "../../random/seeded-random.js";

function indicesByClass(labels: Int32Array): Map<number, number[]> {
  const byClass = new Map<number, number[]>();
  labels.forEach((label, i) => {
    const list = byClass.get(label);
    if (list) list.push(i);
    else byClass.set(label, [i]);
  });
  return new Map([...byClass.entries()].sort((a, b) => a[0] - b[0]));
}

/** How many of `total` each class gets, proportionally, summing exactly to `total`. */
function allocate(classSizes: number[], total: number): number[] {
  const n = classSizes.reduce((a, b) => a + b, 0);
  const exact = classSizes.map((size) => (size * total) / n);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = total - counts.reduce((a, b) => a + b, 0); k < left; k++) {
    const i = order[k % order.length]?.[1] as number;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

/** Picks `size` indices, stratified by label; `stream` names the random stream, so two picks with one seed differ. */
export function stratifiedSubset(
  labels: Int32Array,
  size: number,
  seed: number,
  stream = "stratified-subset",
): Int32Array {
  if (!Number.isInteger(size) || size < 1 || size > labels.length) {
    throw new RangeError(`subset must be an integer from 1 to ${labels.length}, got ${size}`);
  }
  const random = new SeededRandom(seed).fork(stream);
  const groups = [...indicesByClass(labels).values()];
  const counts = allocate(
    groups.map((g) => g.length),
    size,
  );
  const picked: number[] = [];
  groups.forEach((group, c) => {
    picked.push(...random.shuffle([...group]).slice(0, counts[c]));
  });
  return Int32Array.from(picked.sort((a, b) => a - b));
}

/** Splits indices into train and test, stratified by label; testFraction of each class is test. */
export function stratifiedSplit(
  labels: Int32Array,
  testFraction: number,
  seed: number,
): { train: Int32Array; test: Int32Array } {
  const testSize = Math.round(labels.length * testFraction);
  const test = stratifiedSubset(labels, testSize, seed);
  const inTest = new Uint8Array(labels.length);
  for (const i of test) inTest[i] = 1;
  const train = Int32Array.from({ length: labels.length - testSize }, () => 0);
  let k = 0;
  for (let i = 0; i < labels.length; i++) if (!inTest[i]) train[k++] = i;
  return { train, test };
}
