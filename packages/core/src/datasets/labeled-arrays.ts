/**
 * A classification dataset held as flat typed arrays: the form datasets take in Hemlock
 * (shareable between threads without copies) before any tensor is made.
 */
export interface LabeledArrays {
  /** Features, example-major: example i occupies [i*exampleSize, (i+1)*exampleSize). */
  x: Float32Array;
  /** Shape of one example, e.g. [28, 28, 1] or [64]. */
  exampleShape: number[];
  labels: Int32Array;
  classes: number;
}

export function exampleSize(data: Pick<LabeledArrays, "exampleShape">): number {
  return data.exampleShape.reduce((a, b) => a * b, 1);
}

/** Copies the listed examples into one contiguous batch. */
export function gatherBatch(data: LabeledArrays, indices: ArrayLike<number>): { x: Float32Array; labels: Int32Array } {
  const size = exampleSize(data);
  const x = new Float32Array(indices.length * size);
  const labels = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i] as number;
    x.set(data.x.subarray(j * size, (j + 1) * size), i * size);
    labels[i] = data.labels[j] as number;
  }
  return { x, labels };
}
