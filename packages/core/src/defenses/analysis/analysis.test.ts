import { describe, expect, it } from "vitest";
import { kMeans } from "../../models/clustering/kmeans.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { fastIca } from "./fast-ica.js";
import { principalDirections } from "./principal-directions.js";
import { meanSilhouette } from "./silhouette.js";

describe("k-means", () => {
  it("separates two distant blobs exactly, whatever the seed", () => {
    const r = new SeededRandom(1);
    const points = Float64Array.from({ length: 100 * 2 }, (_, k) => r.normal() + (k < 100 ? 0 : 20));
    for (const seed of [1, 2, 3]) {
      const { assignments, sizes } = kMeans(points, 100, 2, 2, { seed });
      expect([...sizes].sort()).toEqual([50, 50]);
      for (let i = 1; i < 50; i++) expect(assignments[i]).toBe(assignments[0]);
      for (let i = 51; i < 100; i++) expect(assignments[i]).toBe(assignments[50]);
    }
  });

  it("keeps the restart with the lowest inertia", () => {
    const points = Float64Array.of(0, 1, 10, 11, 20, 21);
    const { inertia } = kMeans(points, 6, 1, 3, { seed: 4, restarts: 10, init: "random" });
    expect(inertia).toBeCloseTo(1.5, 12);
  });
});

describe("the silhouette", () => {
  it("matches a hand computation", () => {
    // Points 0, 1 (cluster 0) and 4 (cluster 1): s(0) = (4 - 1) / 4, s(1) = (3 - 1) / 3, s(4) = 0 (alone).
    const s = meanSilhouette(Float64Array.of(0, 1, 4), 3, 1, Int32Array.of(0, 0, 1), 2);
    expect(s).toBeCloseTo((3 / 4 + 2 / 3 + 0) / 3, 12);
  });
});

describe("principal directions and FastICA", () => {
  it("finds the direction of largest variance", () => {
    const r = new SeededRandom(2);
    const n = 500;
    const x = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      const t = 5 * r.normal();
      x[i * 3] = t / Math.SQRT2 + 0.1 * r.normal();
      x[i * 3 + 1] = t / Math.SQRT2 + 0.1 * r.normal();
      x[i * 3 + 2] = 0.1 * r.normal();
    }
    const { directions, variances } = principalDirections(x, n, 3, 1);
    expect(Math.abs(directions[0] as number)).toBeCloseTo(Math.SQRT1_2, 2);
    expect(Math.abs(directions[1] as number)).toBeCloseTo(Math.SQRT1_2, 2);
    expect(variances[0]).toBeGreaterThan(20);
  });

  it("unmixes two independent uniform sources", () => {
    const r = new SeededRandom(3);
    const n = 2000;
    const s1 = Float64Array.from({ length: n }, () => r.float() - 0.5);
    const s2 = Float64Array.from({ length: n }, () => r.float() - 0.5);
    const x = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      x[i * 2] = (s1[i] as number) + 0.6 * (s2[i] as number);
      x[i * 2 + 1] = 0.4 * (s1[i] as number) - (s2[i] as number);
    }
    const recovered = fastIca(x, n, 2, 2, { seed: 1 });
    const correlation = (a: Float64Array, column: number) => {
      let ab = 0;
      let aa = 0;
      let bb = 0;
      for (let i = 0; i < n; i++) {
        const b = recovered[i * 2 + column] as number;
        ab += (a[i] as number) * b;
        aa += (a[i] as number) ** 2;
        bb += b * b;
      }
      return Math.abs(ab) / Math.sqrt(aa * bb);
    };
    const best = Math.max(correlation(s1, 0), correlation(s1, 1));
    const other = Math.max(correlation(s2, 0), correlation(s2, 1));
    expect(best).toBeGreaterThan(0.99);
    expect(other).toBeGreaterThan(0.99);
  });
});
