/**
 * Plurality voting over base models with the partition-aggregation certificate (Levine, Feizi
 * 2021): the predicted class c has the most votes, ties going to the smaller label, and is
 * certified against floor((n_c - max_{c' != c} (n_{c'} + [c' < c])) / 2) poisoned examples, each
 * of which can change at most one vote.
 */
export function plurality(votes: Int32Array[], classes: number): { predictions: Int32Array; radii: Int32Array } {
  const n = votes[0]?.length ?? 0;
  const predictions = new Int32Array(n);
  const radii = new Int32Array(n);
  const counts = new Int32Array(classes);
  for (let i = 0; i < n; i++) {
    counts.fill(0);
    for (const v of votes) counts[v[i] as number] = (counts[v[i] as number] as number) + 1;
    let c = 0;
    for (let label = 1; label < classes; label++) if ((counts[label] as number) > (counts[c] as number)) c = label;
    let runnerUp = -Infinity;
    for (let other = 0; other < classes; other++) {
      if (other === c) continue;
      runnerUp = Math.max(runnerUp, (counts[other] as number) + (other < c ? 1 : 0));
    }
    predictions[i] = c;
    radii[i] = Math.floor(((counts[c] as number) - runnerUp) / 2);
  }
  return { predictions, radii };
}
