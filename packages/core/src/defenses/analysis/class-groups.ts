/**
 * Groups training examples by their (possibly poisoned) label and gathers their feature rows:
 * the per-class view that spectral signatures and activation clustering analyse, since a
 * backdoor's poisons hide among the examples of the label they were given.
 */
export interface ClassGroup {
  label: number;
  /** Indices into the training set. */
  indices: number[];
  /** Their feature rows, indices.length x dim. */
  features: Float32Array;
}

export function classGroups(labels: Int32Array, classes: number, features: Float32Array, dim: number): ClassGroup[] {
  const members: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((label, i) => {
    members[label]?.push(i);
  });
  return members.map((indices, label) => {
    const rows = new Float32Array(indices.length * dim);
    indices.forEach((i, k) => {
      rows.set(features.subarray(i * dim, (i + 1) * dim), k * dim);
    });
    return { label, indices, features: rows };
  });
}
