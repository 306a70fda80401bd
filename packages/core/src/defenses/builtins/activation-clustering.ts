/**
 * Activation clustering (Chen et al. 2018). For each label, the last hidden layer's activations
 * of its training examples are reduced to 10 components (FastICA, as in the paper, or PCA) and
 * split by 2-means. A backdoor's poisons, given the target label but unlike its clean examples,
 * form a cluster of their own. A label is suspicious when its smaller cluster holds at most
 * `sizeThreshold` of it (relative size), when the split is clean (mean silhouette at least
 * `silhouetteThreshold`), or either, as `criterion` says; `every-label` takes every label as
 * suspicious, which measures the clustering alone, in the population of the paper's detection
 * results (with an all-to-all backdoor every label is a target). Which cluster of a suspicious label is
 * removed is decided by `decide`:
 * - smaller-cluster: the smaller one (the paper's relative-size reasoning);
 * - exclusionary-reclassification (the paper's option): each cluster is removed in turn, the
 *   model retrained without it, and the cluster is poisonous when most of it is then classified
 *   as other labels;
 * - input-neighbours (a Hemlock extension, not in the paper): a cluster is poisonous when, on
 *   average, most of its members' k nearest neighbours in input space carry other labels, i.e.
 *   the cluster looks like other classes but was labelled this one. It needs no retraining and
 *   does not assume the poisons are the minority of their label.
 */
import { z } from "zod";
import { gatherBatch } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { kMeans } from "../../models/clustering/kmeans.js";
import { classGroups } from "../analysis/class-groups.js";
import { fastIca } from "../analysis/fast-ica.js";
import { neighbourLabelVotes } from "../analysis/nearest-neighbours.js";
import { principalProjection } from "../analysis/principal-directions.js";
import { meanSilhouette } from "../analysis/silhouette.js";
import { defineDefense, type SanitizeInput } from "../define-defense.js";

export const activationClustering = defineDefense({
  name: "activation-clustering",
  summary: "per label, 2-means on reduced last-hidden-layer activations; removes the poisonous cluster",
  citation:
    "B. Chen, W. Carvalho, N. Baracaldo, H. Ludwig, B. Edwards, T. Lee, I. Molloy, B. Srivastava. Detecting backdoor attacks on deep neural networks by activation clustering. AAAI SafeAI workshop, 2019 (arXiv:1811.03728).",
  kind: "sanitize",
  params: z
    .object({
      components: z.number().int().min(1).max(100).default(10),
      /** ICA as in the paper, or PCA (which keeps the dominant axis dominant; see docs/defenses.md). */
      reduction: z.enum(["ica", "pca"]).default("ica"),
      criterion: z.enum(["relative-size", "silhouette", "either", "every-label"]).default("either"),
      sizeThreshold: z.number().gt(0).lt(0.5).default(0.35),
      silhouetteThreshold: z.number().min(-1).max(1).default(0.15),
      decide: z
        .enum(["smaller-cluster", "exclusionary-reclassification", "input-neighbours"])
        .default("smaller-cluster"),
      /** For input-neighbours: neighbours per example, and the mean share of other labels that marks a cluster. */
      neighbours: z.number().int().min(1).max(100).default(10),
      neighbourThreshold: z.number().gt(0).max(1).default(0.5),
    })
    .strict(),
  needs: ["poisoned-model"],
  requires: ["features"],
  sanitize: (params, input) => {
    const { train, model, retrain, seed, where } = input;
    if (params.decide === "exclusionary-reclassification" && retrain === undefined)
      throw new HemlockError(
        "INVALID_ARGUMENT",
        `${where}.decide: exclusionary reclassification needs to retrain the model`,
      );
    const { values, dim } = model?.features(train) ?? { values: new Float32Array(), dim: 0 };
    const n = train.labels.length;
    const disagreement =
      params.decide === "input-neighbours" ? neighbourDisagreement(train, params.neighbours) : undefined;
    const scores = new Float32Array(n);
    const removed = new Uint8Array(n);
    let suspiciousLabels = 0;
    for (const group of classGroups(train.labels, train.classes, values, dim)) {
      const m = group.indices.length;
      if (m < 2 * params.components) continue;
      const reduced =
        params.reduction === "ica"
          ? fastIca(group.features, m, dim, params.components, { seed })
          : principalProjection(group.features, m, dim, params.components, seed);
      const k = reduced.length / m;
      const { assignments, sizes } = kMeans(reduced, m, k, 2, { seed, restarts: 5 });
      const smaller = (sizes[0] as number) <= (sizes[1] as number) ? 0 : 1;
      const relativeSize = (sizes[smaller] as number) / m;
      const silhouette = meanSilhouette(reduced, m, k, assignments, 2);
      const bySize = relativeSize <= params.sizeThreshold;
      const bySilhouette = silhouette >= params.silhouetteThreshold;
      const suspicious =
        params.criterion === "relative-size"
          ? bySize
          : params.criterion === "silhouette"
            ? bySilhouette
            : params.criterion === "every-label" || bySize || bySilhouette;
      const members = (cluster: number) => group.indices.filter((_, k2) => assignments[k2] === cluster);
      let poisonous: number[] = [];
      if (suspicious) {
        suspiciousLabels++;
        if (params.decide === "smaller-cluster") poisonous = [smaller];
        else if (params.decide === "exclusionary-reclassification")
          poisonous = [0, 1].filter((c) => reclassifiedAway(input, members(c), group.label));
        else
          poisonous = [0, 1].filter((c) => {
            const inCluster = members(c);
            const mean =
              inCluster.reduce((s, i) => s + (disagreement?.[i] as number), 0) / Math.max(inCluster.length, 1);
            return mean >= params.neighbourThreshold;
          });
      }
      // Score: how cleanly the label splits and how small the member's cluster is; flagged members rank first.
      group.indices.forEach((index, k2) => {
        const cluster = assignments[k2] as number;
        const flagged = poisonous.includes(cluster);
        const base = Math.max(silhouette, 0) + (cluster === smaller ? 1 - relativeSize : relativeSize);
        scores[index] = (disagreement ? (disagreement[index] as number) : base) + (flagged ? 2 : 0);
        if (flagged) removed[index] = 1;
      });
    }
    return { scores, removed, diagnostics: { suspiciousLabels } };
  },
});

/** Exclusionary reclassification: retrain without the cluster; is most of it then given other labels? */
function reclassifiedAway(input: SanitizeInput, inCluster: number[], label: number): boolean {
  const { train, retrain } = input;
  const n = train.labels.length;
  const out = new Uint8Array(n);
  for (const i of inCluster) out[i] = 1;
  const rest = Int32Array.from([...out.keys()].filter((i) => out[i] === 0));
  const excluded = (retrain as NonNullable<typeof retrain>)({ ...train, ...gatherBatch(train, rest) });
  const predicted = excluded.predict({ ...gatherBatch(train, inCluster), exampleShape: train.exampleShape });
  excluded.dispose();
  return predicted.filter((p) => p === label).length < predicted.length / 2;
}

/** Per example, the share of its k nearest neighbours in input space that carry another label. */
function neighbourDisagreement(train: SanitizeInput["train"], k: number): Float32Array {
  const { votes, k: kk } = neighbourLabelVotes(train, k);
  return Float32Array.from(train.labels, (label, i) => 1 - (votes[i * train.classes + label] as number) / kk);
}
