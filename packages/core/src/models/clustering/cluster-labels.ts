/**
 * Labels for clusters from training labels, the only place labels enter an unsupervised
 * classifier, and how many label flips the labelling withstands:
 * - "bijective" (clusters = classes): the one-to-one assignment of clusters to classes that agrees
 *   with the most training labels, found over all permutations. A flip changes the agreement of
 *   any assignment by at most one, so the chosen one (agreement A) stays strictly best after f
 *   flips while A - f > A' + f for the runner-up A': it withstands ceil((A - A') / 2) - 1 flips.
 *   With two clusters A' = N - A, which gives A - ceil(N / 2) for odd N, Levine and Feizi's
 *   certificate for 2-means on MNIST 1-vs-7 (DPA, Section 4).
 * - "majority": each cluster takes its most common label (ties to the smaller); a cluster whose top
 *   two counts are t > s withstands ceil((t - s) / 2) - 1 flips, and the labelling as a whole the
 *   least of those.
 */
export type ClusterLabelling = "bijective" | "majority";

export interface LabelledClusters {
  /** The class of each cluster. */
  labels: Int32Array;
  /** Training labels that agree with their cluster's label. */
  agreement: number;
  /** Label flips the labelling is certain to withstand. */
  flipsWithstood: number;
}

export function labelClusters(
  assignment: Int32Array,
  trainLabels: Int32Array,
  clusters: number,
  classes: number,
  rule: ClusterLabelling,
): LabelledClusters {
  // counts[cluster][class]
  const counts = Array.from({ length: clusters }, () => new Float64Array(classes));
  assignment.forEach((c, i) => {
    const row = counts[c] as Float64Array;
    const label = trainLabels[i] as number;
    row[label] = (row[label] as number) + 1;
  });
  if (rule === "bijective") {
    if (clusters !== classes)
      throw new RangeError(`a bijective labelling needs as many clusters as classes (${clusters} vs ${classes})`);
    if (clusters > 8)
      throw new RangeError(`a bijective labelling searches all permutations: at most 8 clusters, got ${clusters}`);
    let best = { perm: [] as number[], agreement: -1 };
    let runnerUp = -1;
    for (const perm of permutations(clusters)) {
      const agreement = perm.reduce((a, cls, cluster) => a + ((counts[cluster] as Float64Array)[cls] as number), 0);
      if (agreement > best.agreement) {
        runnerUp = best.agreement;
        best = { perm, agreement };
      } else if (agreement > runnerUp) runnerUp = agreement;
    }
    return {
      labels: Int32Array.from(best.perm),
      agreement: best.agreement,
      flipsWithstood:
        runnerUp < 0 ? Number.POSITIVE_INFINITY : Math.max(0, Math.ceil((best.agreement - runnerUp) / 2) - 1),
    };
  }
  const labels = new Int32Array(clusters);
  let agreement = 0;
  let flipsWithstood = Number.POSITIVE_INFINITY;
  counts.forEach((row, cluster) => {
    const order = [...row.keys()].sort((a, b) => (row[b] as number) - (row[a] as number) || a - b);
    const top = order[0] as number;
    labels[cluster] = top;
    agreement += row[top] as number;
    const second = classes > 1 ? (row[order[1] as number] as number) : 0;
    // The runner-up wins a tie when its label is smaller.
    const margin = (row[top] as number) - second;
    const needed = (order[1] as number) < top ? Math.ceil(margin / 2) : Math.ceil((margin + 1) / 2);
    flipsWithstood = Math.min(flipsWithstood, Math.max(0, needed - 1));
  });
  return { labels, agreement, flipsWithstood };
}

function* permutations(n: number, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === n) {
    yield prefix;
    return;
  }
  for (let i = 0; i < n; i++) if (!prefix.includes(i)) yield* permutations(n, [...prefix, i]);
}
