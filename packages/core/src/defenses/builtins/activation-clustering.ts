/**
 * Activation clustering (Chen et al. 2018). For each label, the last hidden layer's activations
 * of its training examples are reduced to 10 independent components (FastICA) and split by
 * 2-means. A backdoor's poisons, given the target label but unlike its clean examples, form a
 * cluster of their own. A label is suspicious when its smaller cluster holds at most
 * `sizeThreshold` of it (relative size), when the split is clean (mean silhouette at least
 * `silhouetteThreshold`), or either, as `criterion` says. In a suspicious label the smaller
 * cluster is removed; with exclusionary reclassification (`exclusionary: true`, the paper's
 * option), each cluster of a suspicious label is removed in turn, the model retrained, and the
 * cluster judged poisonous when most of it is then classified as some other label.
 */
import { z } from "zod";
import { HemlockError } from "../../errors.js";
import { gatherBatch } from "../../training/labeled-arrays.js";
import { fastIca } from "../analysis/fast-ica.js";
import { kMeans } from "../analysis/kmeans.js";
import { principalProjection } from "../analysis/principal-directions.js";
import { meanSilhouette } from "../analysis/silhouette.js";
import { classGroups } from "../class-groups.js";
import { defineDefense } from "../define-defense.js";

export const activationClustering = defineDefense({
  name: "activation-clustering",
  summary: "per label, 2-means on ICA-reduced last-hidden-layer activations; removes the poisonous cluster",
  citation:
    "B. Chen, W. Carvalho, N. Baracaldo, H. Ludwig, B. Edwards, T. Lee, I. Molloy, B. Srivastava. Detecting backdoor attacks on deep neural networks by activation clustering. AAAI SafeAI workshop, 2019 (arXiv:1811.03728).",
  kind: "sanitize",
  params: z
    .object({
      components: z.number().int().min(1).max(100).default(10),
      /** ICA as in the paper, or PCA (which keeps the dominant axis dominant; see docs/defenses.md). */
      reduction: z.enum(["ica", "pca"]).default("ica"),
      criterion: z.enum(["relative-size", "silhouette", "either"]).default("either"),
      sizeThreshold: z.number().gt(0).lt(0.5).default(0.35),
      silhouetteThreshold: z.number().min(-1).max(1).default(0.15),
      exclusionary: z.boolean().default(false),
    })
    .strict(),
  needs: ["poisoned-model"],
  requires: ["features"],
  sanitize: (params, { train, model, retrain, seed, where }) => {
    if (params.exclusionary && retrain === undefined)
      throw new HemlockError(
        "INVALID_ARGUMENT",
        `${where}.exclusionary: exclusionary reclassification needs to retrain the model`,
      );
    const { values, dim } = model?.features(train) ?? { values: new Float32Array(), dim: 0 };
    const n = train.labels.length;
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
            : bySize || bySilhouette;
      // Score: how cleanly the label splits, carried by the members of the cluster judged poisonous.
      let poisonous = suspicious ? [smaller] : [];
      if (suspicious && params.exclusionary && retrain) {
        poisonous = [0, 1].filter((cluster) => {
          const inCluster = group.indices.filter((_, k2) => assignments[k2] === cluster);
          const isOut = new Uint8Array(n);
          for (const i of inCluster) isOut[i] = 1;
          const rest = Int32Array.from([...isOut.keys()].filter((i) => isOut[i] === 0));
          const excluded = retrain({ ...train, ...gatherBatch(train, rest) });
          const predicted = excluded.predict({ ...gatherBatch(train, inCluster), exampleShape: train.exampleShape });
          excluded.dispose();
          const own = predicted.filter((p) => p === group.label).length;
          return own < predicted.length / 2;
        });
      }
      if (suspicious) suspiciousLabels++;
      group.indices.forEach((index, k2) => {
        const cluster = assignments[k2] as number;
        const flagged = poisonous.includes(cluster);
        scores[index] =
          Math.max(silhouette, 0) + (cluster === smaller ? 1 - relativeSize : relativeSize) + (flagged ? 2 : 0);
        if (flagged) removed[index] = 1;
      });
    }
    return { scores, removed, diagnostics: { suspiciousLabels } };
  },
});
