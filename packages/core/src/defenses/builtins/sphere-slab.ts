/**
 * Sphere and slab outlier removal (Steinhardt, Koh, Liang 2017), the data-dependent feasible sets
 * of their certified defense: per class y with centroid mu_y, the sphere score is ||x - mu_y||, the
 * slab score |<x - mu_y, mu_y - mu_other>| / ||mu_y - mu_other|| with mu_other the mean of the other
 * classes' centroids (the two centroids of the binary case). Per class the defense removes the
 * `removeFactor x epsilon` share with the highest score, epsilon the expected poisoned fraction.
 * Centroids come from the (poisoned) training set itself, as a defender would compute them.
 */
import { z } from "zod";
import { exampleSize } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { defineDefense } from "../define-defense.js";

export const sphereSlab = defineDefense({
  name: "sphere-slab",
  summary: "removes, per class, the points farthest from the class centroid (sphere) or along the centroid gap (slab)",
  citation: "J. Steinhardt, P.W. Koh, P. Liang. Certified defenses for data poisoning attacks. NeurIPS 2017.",
  kind: "sanitize",
  params: z
    .object({
      shape: z.enum(["sphere", "slab"]).default("sphere"),
      /** Expected poisoned fraction; the cell's rate if omitted. */
      epsilon: z.number().gt(0).lt(1).optional(),
      removeFactor: z.number().positive().default(1),
    })
    .strict(),
  needs: ["expected-rate"],
  requires: [],
  sanitize: (params, { train, expectedPoisonRate, where }) => {
    const epsilon = params.epsilon ?? expectedPoisonRate;
    if (epsilon === undefined || epsilon <= 0)
      throw new HemlockError("INVALID_PARAMS", `${where}.epsilon: sphere-slab needs the expected poisoned fraction`);
    const d = exampleSize(train);
    const n = train.labels.length;
    const K = train.classes;
    const centroids = new Float64Array(K * d);
    const counts = new Int32Array(K);
    for (let i = 0; i < n; i++) {
      const y = train.labels[i] as number;
      counts[y] = (counts[y] as number) + 1;
      for (let j = 0; j < d; j++)
        centroids[y * d + j] = (centroids[y * d + j] as number) + (train.x[i * d + j] as number);
    }
    for (let y = 0; y < K; y++)
      for (let j = 0; j < d; j++)
        centroids[y * d + j] = (centroids[y * d + j] as number) / Math.max(counts[y] as number, 1);
    // Per class, the unit direction from the other classes' mean centroid to this one.
    const directions = new Float64Array(K * d);
    for (let y = 0; y < K; y++) {
      let norm = 0;
      for (let j = 0; j < d; j++) {
        let other = 0;
        for (let c = 0; c < K; c++) if (c !== y) other += centroids[c * d + j] as number;
        const v = (centroids[y * d + j] as number) - other / Math.max(K - 1, 1);
        directions[y * d + j] = v;
        norm += v * v;
      }
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < d; j++) directions[y * d + j] = (directions[y * d + j] as number) / norm;
    }
    const scores = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const y = train.labels[i] as number;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = (train.x[i * d + j] as number) - (centroids[y * d + j] as number);
        s += params.shape === "sphere" ? diff * diff : diff * (directions[y * d + j] as number);
      }
      scores[i] = params.shape === "sphere" ? Math.sqrt(s) : Math.abs(s);
    }
    const removed = new Uint8Array(n);
    for (let y = 0; y < K; y++) {
      const members = [...train.labels.keys()].filter((i) => train.labels[i] === y);
      members.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
      const count = Math.min(members.length, Math.round(params.removeFactor * epsilon * members.length));
      for (const i of members.slice(0, count)) removed[i] = 1;
    }
    return { scores, removed };
  },
});
