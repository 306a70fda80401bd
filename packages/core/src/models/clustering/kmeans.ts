/**
 * k-means (Lloyd's algorithm until no assignment changes) with k-means++ or random seeding and
 * restarts, keeping the lowest inertia: the clustering of activation clustering (2-means) and of
 * the kmeans model (random init, 10 restarts, as the DPA reproduction). Seeded, so a seed fixes
 * the clustering.
 */
import { SeededRandom } from "../../random/seeded-random.js";

export interface KMeansResult {
  assignments: Int32Array;
  centroids: Float64Array;
  inertia: number;
  sizes: Int32Array;
}

export function kMeans(
  points: ArrayLike<number>,
  n: number,
  d: number,
  k: number,
  { seed = 0, restarts = 10, maxIterations = 300, init = "k-means++" as "k-means++" | "random" } = {},
): KMeansResult {
  if (n < k) throw new RangeError(`k-means: ${n} points cannot form ${k} clusters`);
  const random = new SeededRandom(seed).fork("k-means");
  let best: KMeansResult | undefined;
  for (let restart = 0; restart < restarts; restart++) {
    const result = lloyd(points, n, d, k, seedCentroids(points, n, d, k, random, init), maxIterations);
    if (best === undefined || result.inertia < best.inertia) best = result;
  }
  return best as KMeansResult;
}

function distance2(points: ArrayLike<number>, i: number, centroids: Float64Array, c: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += ((points[i * d + j] as number) - (centroids[c * d + j] as number)) ** 2;
  return s;
}

function seedCentroids(
  points: ArrayLike<number>,
  n: number,
  d: number,
  k: number,
  random: SeededRandom,
  init: "k-means++" | "random",
): Float64Array {
  const centroids = new Float64Array(k * d);
  const copy = (c: number, i: number) => {
    for (let j = 0; j < d; j++) centroids[c * d + j] = points[i * d + j] as number;
  };
  if (init === "random") {
    random
      .permutation(n)
      .subarray(0, k)
      .forEach((i, c) => {
        copy(c, i);
      });
    return centroids;
  }
  copy(0, random.int(n));
  const nearest = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i] as number, distance2(points, i, centroids, c - 1, d));
      total += nearest[i] as number;
    }
    let target = random.float() * total;
    let chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i] as number;
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
    copy(c, chosen);
  }
  return centroids;
}

function lloyd(
  points: ArrayLike<number>,
  n: number,
  d: number,
  k: number,
  centroids: Float64Array,
  maxIterations: number,
): KMeansResult {
  const assignments = new Int32Array(n).fill(-1);
  let inertia = 0;
  for (let it = 0; it < maxIterations; it++) {
    let changed = false;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const dist = distance2(points, i, centroids, c, d);
        if (dist < bestDistance) {
          bestDistance = dist;
          best = c;
        }
      }
      inertia += bestDistance;
      if (assignments[i] !== best) {
        assignments[i] = best;
        changed = true;
      }
    }
    if (!changed) break;
    const sums = new Float64Array(k * d);
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assignments[i] as number;
      counts[c] = (counts[c] as number) + 1;
      for (let j = 0; j < d; j++) sums[c * d + j] = (sums[c * d + j] as number) + (points[i * d + j] as number);
    }
    for (let c = 0; c < k; c++) {
      // An emptied cluster keeps its centroid.
      if (counts[c] === 0) continue;
      for (let j = 0; j < d; j++) centroids[c * d + j] = (sums[c * d + j] as number) / (counts[c] as number);
    }
  }
  const sizes = new Int32Array(k);
  for (const c of assignments) sizes[c] = (sizes[c] as number) + 1;
  return { assignments, centroids, inertia, sizes };
}
