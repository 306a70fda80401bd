/**
 * k-means as a classifier: the training inputs are clustered without their labels (Lloyd's
 * algorithm, random initial centers by default, restarts keeping the lowest inertia), then the training labels
 * name the clusters ("bijective": the one-to-one assignment agreeing with most labels; "majority":
 * each cluster's most common label), and a test input takes its nearest center's label. Labels
 * enter only through that vote, so the fit also reports how many label flips it withstands (the
 * label-flip certificate of Levine and Feizi, DPA Section 4). The network computes
 * -||x - c||^2 + ||x||^2 = 2 c.x - ||c||^2 for each center and takes, per class, the best of its
 * clusters: a dense layer, a reshape and a max-pool, so it saves and loads like any model.
 */

import { z } from "zod";
import { tf } from "../../backend/tf.js";
import { exampleSize } from "../../datasets/labeled-arrays.js";
import { labelClusters } from "../clustering/cluster-labels.js";
import { kMeans } from "../clustering/kmeans.js";
import { defineModel } from "../define-model.js";

/** The score of a (cluster, class) slot that the cluster does not hold. */
const ABSENT = -1e30;

export const kmeans = defineModel({
  name: "kmeans",
  summary: "k-means clustering labelled by a vote of the training labels; nearest center predicts",
  citation:
    "S. Lloyd. Least squares quantization in PCM. IEEE Trans. Inf. Theory 28(2), 1982; as a label-flip-certified classifier: A. Levine, S. Feizi, ICLR 2021 (arXiv:2006.14768).",
  params: z
    .object({
      clusters: z.number().int().min(1).max(1000).optional().describe("Number of clusters (default: the class count)"),
      restarts: z.number().int().min(1).default(10),
      maxIterations: z.number().int().min(1).default(300),
      init: z
        .enum(["random", "k-means++"])
        .default("random")
        .describe("Initial centers: random training points, or k-means++"),
      labelling: z.enum(["bijective", "majority"]).default("bijective"),
    })
    .strict(),
  loss: "cross-entropy",
  provides: ["label-vote"],
  build: ({ clusters }, { inputShape, classes }) => {
    const k = clusters ?? classes;
    const model = tf.sequential({ name: "kmeans" });
    if (inputShape.length > 1) model.add(tf.layers.flatten({ inputShape, name: "flatten" }));
    model.add(
      tf.layers.dense({
        ...(inputShape.length === 1 ? { inputShape } : {}),
        units: k * classes,
        kernelInitializer: "zeros",
        biasInitializer: tf.initializers.constant({ value: ABSENT }),
        name: "cluster_scores",
      }),
    );
    model.add(tf.layers.reshape({ targetShape: [k, classes], name: "by_cluster" }));
    model.add(tf.layers.globalMaxPooling1d({ name: "logits" }));
    return model;
  },
  fitDirect: ({ clusters, restarts, maxIterations, init, labelling }, model, data, { classes, seed }) => {
    const k = clusters ?? classes;
    const n = data.labels.length;
    const d = exampleSize(data);
    const fit = kMeans(data.x, n, d, k, { seed, restarts, maxIterations, init });
    const named = labelClusters(fit.assignments, data.labels, k, classes, labelling);
    const kernel = new Float32Array(d * k * classes);
    const bias = new Float32Array(k * classes).fill(ABSENT);
    for (let j = 0; j < k; j++) {
      const slot = j * classes + (named.labels[j] as number);
      let norm = 0;
      for (let f = 0; f < d; f++) {
        const c = fit.centroids[j * d + f] as number;
        kernel[f * k * classes + slot] = 2 * c;
        norm += c * c;
      }
      bias[slot] = -norm;
    }
    const layer = model.getLayer("cluster_scores");
    const weights = [tf.tensor2d(kernel, [d, k * classes]), tf.tensor1d(bias)];
    layer.setWeights(weights);
    for (const w of weights) w.dispose();
    return {
      inertia: fit.inertia,
      agreement: named.agreement,
      flipsWithstood: named.flipsWithstood,
    };
  },
});
