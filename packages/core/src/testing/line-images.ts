/**
 * Small synthetic image sets for tests that must train a model in a moment: an example of class c
 * is uniform noise in [0, noise) plus a bright line, row 2c or column 2c, so a small model learns
 * the classes quickly and a test knows exactly what separates them.
 */
import type { Dataset } from "../datasets/dataset.js";
import { SeededRandom } from "../random/seeded-random.js";

export interface LineImagesOptions {
  examples: number;
  /** Images are size x size x 1. */
  size: number;
  orientation: "row" | "column";
  brightness: number;
  noise?: number;
  classes?: number;
  seed: number;
}

export function lineImages(options: LineImagesOptions): Dataset {
  const { examples, size, orientation, brightness, noise = 0.2, classes = 3, seed } = options;
  const r = new SeededRandom(seed);
  const pixels = size * size;
  const labels = Int32Array.from({ length: examples }, (_, i) => i % classes);
  const x = new Float32Array(examples * pixels);
  labels.forEach((label, i) => {
    for (let k = 0; k < pixels; k++) {
      const line = orientation === "row" ? Math.floor(k / size) : k % size;
      x[i * pixels + k] = noise * r.float() + (line === 2 * label ? brightness : 0);
    }
  });
  return {
    name: `${orientation}-lines`,
    split: "train",
    x,
    exampleShape: [size, size, 1],
    labels,
    classes,
    classNames: Array.from({ length: classes }, (_, c) => `${orientation}${2 * c}`),
    domain: { kind: "image", min: 0, max: 1 },
    sources: [],
  };
}
