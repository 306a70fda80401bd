/**
 * Detection metrics, by the definitions of metric-spec.ts: a defense's per-example scores (higher
 * is more suspicious) and its flags, against the attack's poison mask (positives are poisons).
 * TPR = recall = TP / P; FPR = FP / N; precision = TP / (TP + FP); F1 their harmonic mean;
 * accuracy = (TP + TN) / (P + N), the share of examples whose flag is right (1.2.0);
 * AUROC from the scores (the Mann-Whitney probability that a poison outscores a clean example,
 * ties counting half); TPR at 5% FPR from the scores, flagging strictly above the threshold that
 * flags at most 5% of clean examples. Ratios with a zero denominator are reported as NaN (no
 * poisons: recall is undefined), never as 0 or 1.
 */
export interface DetectionMetrics {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  tpr: number;
  fpr: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  auroc: number;
  tprAt5Fpr: number;
}

export function detectionMetrics(
  scores: ArrayLike<number>,
  flagged: ArrayLike<number>,
  mask: ArrayLike<number>,
): DetectionMetrics {
  const n = mask.length;
  if (scores.length !== n || flagged.length !== n)
    throw new RangeError(`detectionMetrics: ${scores.length} scores and ${flagged.length} flags for ${n} examples`);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < n; i++) {
    const positive = mask[i] === 1;
    const flag = flagged[i] === 1;
    if (positive && flag) tp++;
    else if (positive) fn++;
    else if (flag) fp++;
    else tn++;
  }
  const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    tpr: recall,
    fpr: ratio(fp, fp + tn),
    precision,
    recall,
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    accuracy: ratio(tp + tn, n),
    auroc: auroc(scores, mask),
    tprAt5Fpr: tprAtFpr(scores, mask, 0.05),
  };
}

/** Area under the ROC curve by ranks (Mann-Whitney U / (P N)), ties given their average rank. */
export function auroc(scores: ArrayLike<number>, mask: ArrayLike<number>): number {
  const n = mask.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1] as number] === scores[order[start] as number]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (mask[order[k] as number] === 1) {
        positives++;
        rankSum += rank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The TPR when flagging scores strictly above the smallest threshold whose FPR is at most `fpr`. */
export function tprAtFpr(scores: ArrayLike<number>, mask: ArrayLike<number>, fpr: number): number {
  const clean: number[] = [];
  const poison: number[] = [];
  for (let i = 0; i < mask.length; i++) (mask[i] === 1 ? poison : clean).push(scores[i] as number);
  if (poison.length === 0 || clean.length === 0) return Number.NaN;
  clean.sort((a, b) => b - a);
  const allowed = Math.floor(fpr * clean.length);
  // Flag > threshold: the (allowed+1)-th highest clean score is the lowest threshold keeping FP <= allowed.
  const threshold = clean[allowed] as number;
  return poison.filter((s) => s > threshold).length / poison.length;
}
