/**
 * kNN label sanitization (Paudice, Munoz-Gonzalez, Lupu 2018), against label flipping: each
 * training example whose k nearest neighbours (in input space) mostly agree on another label,
 * at a share of at least eta, is relabelled to that label. Nothing is removed. The score is the
 * share of neighbours that disagree with the example's label.
 */
import { z } from "zod";
import { neighbourLabelVotes } from "../analysis/nearest-neighbours.js";
import { defineDefense } from "../define-defense.js";

export const knnLabelSanitization = defineDefense({
  name: "knn-label-sanitization",
  summary: "relabels each example to the label most of its k nearest neighbours agree on (share >= eta)",
  citation:
    "A. Paudice, L. Munoz-Gonzalez, E.C. Lupu. Label sanitization against label flipping poisoning attacks. ECML PKDD workshops, 2018.",
  kind: "sanitize",
  params: z
    .object({
      k: z.number().int().min(1).max(1000).default(10),
      eta: z.number().gt(0).max(1).default(0.5),
    })
    .strict(),
  needs: [],
  requires: [],
  sanitize: ({ k, eta }, { train }) => {
    const n = train.labels.length;
    const K = train.classes;
    const { votes, k: kk } = neighbourLabelVotes(train, k);
    const scores = new Float32Array(n);
    const relabeled = Int32Array.from(train.labels);
    for (let i = 0; i < n; i++) {
      const row = votes.subarray(i * K, (i + 1) * K);
      let top = 0;
      for (let label = 1; label < K; label++) if ((row[label] as number) > (row[top] as number)) top = label;
      const own = train.labels[i] as number;
      scores[i] = 1 - (row[own] as number) / kk;
      if (top !== own && (row[top] as number) / kk >= eta) relabeled[i] = top;
    }
    return { scores, removed: new Uint8Array(n), relabeled };
  },
});
