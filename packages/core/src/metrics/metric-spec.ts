/**
 * The metric specification, versioned: results record METRIC_SPEC_VERSION so numbers computed
 * under different definitions are never compared silently.
 *
 * - clean accuracy: accuracy on the clean test set;
 * - attack success rate (ASR): over test examples whose true label is not the attacker's label
 *   for them, with the trigger applied, the share predicted as the attacker's label (the target
 *   for all-to-one, (l+1) mod K for all-to-all);
 * - robust accuracy: on those same triggered examples, the share predicted as the true label;
 * - detection accuracy (1.2.0): (TP + TN) / (P + N), the share of examples flagged rightly;
 * - ASR by source class (1.2.0): the attack success rate over the triggered examples of one true
 *   class i, recorded as attackSuccessRate.from<i>: the i -> j cells of BadNets' per-pair grid;
 * - targeted-attack success: for targeted poisons (feature collision), the share of target
 *   examples misclassified (and, beside it, the share given the intended label);
 * - detection (1.1.0): from a defense's per-example scores and flags against the poison mask:
 *   TPR, FPR, precision, recall, F1, AUROC (ties count half) and TPR at 5% FPR (detection-metrics.ts);
 * - certified accuracy (1.1.0): at radius r, the share of test examples predicted correctly with
 *   a certificate of at least r poisoned training examples (certified-metrics.ts);
 * - DER (1.1.0): [max(0, dASR) - max(0, dACC) + 1] / 2, as in BackdoorBench (defense-metrics.ts).
 */
export const METRIC_SPEC_VERSION = "1.2.0";
