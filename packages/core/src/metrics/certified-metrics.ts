/**
 * Certified accuracy, by the definition of metric-spec.ts: at radius r, the share of test
 * examples predicted correctly with a certificate of at least r poisoned training examples
 * (radius 0 is plain accuracy).
 */
export function certifiedAccuracy(
  predictions: Int32Array,
  radii: Int32Array,
  labels: Int32Array,
  atRadii: number[],
): { radius: number; accuracy: number }[] {
  const n = labels.length;
  return atRadii.map((radius) => {
    let certified = 0;
    for (let i = 0; i < n; i++) if (predictions[i] === labels[i] && (radii[i] as number) >= radius) certified++;
    return { radius, accuracy: certified / n };
  });
}
