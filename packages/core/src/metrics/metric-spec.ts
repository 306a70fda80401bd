/**
 * The metric specification, versioned: results record METRIC_SPEC_VERSION so numbers computed
 * under different definitions are never compared silently.
 *
 * - clean accuracy: accuracy on the clean test set;
 * - attack success rate (ASR): over test examples whose true label is not the attacker's label
 *   for them, with the trigger applied, the share predicted as the attacker's label (the target
 *   for all-to-one, (l+1) mod K for all-to-all);
 * - robust accuracy: on those same triggered examples, the share predicted as the true label;
 * - targeted-attack success: for targeted poisons (feature collision), whether each target
 *   example is misclassified as intended.
 */
export const METRIC_SPEC_VERSION = "1.0.0";
