/**
 * Shared loader for MNIST-style datasets: 28x28 greyscale IDX images scaled to [0, 1] and IDX
 * labels, in the train/test split the authors distribute.
 */

import type { Dataset, DatasetSplits, SplitName } from "../dataset.js";
import type { DatasetContext } from "../define-dataset.js";
import type { SourceFile } from "../source-files.js";
import { parseIdx } from "./idx.js";

export interface IdxFiles {
  trainImages: SourceFile;
  trainLabels: SourceFile;
  testImages: SourceFile;
  testLabels: SourceFile;
}

async function loadSplit(
  name: string,
  split: SplitName,
  images: SourceFile,
  labels: SourceFile,
  classNames: string[],
  ctx: DatasetContext,
): Promise<Dataset> {
  const img = parseIdx(await ctx.read(images), images.path);
  const lab = parseIdx(await ctx.read(labels), labels.path);
  const [n, height, width] = img.dims as [number, number, number];
  if (lab.dims[0] !== n) throw new Error(`${images.path} has ${n} images but ${labels.path} has ${lab.dims[0]} labels`);
  const x = ctx.alloc.float32(img.data.length);
  for (let i = 0; i < img.data.length; i++) x[i] = (img.data[i] as number) / 255;
  const y = ctx.alloc.int32(n);
  y.set(lab.data);
  return {
    name,
    split,
    x,
    exampleShape: [height, width, 1],
    labels: y,
    classes: classNames.length,
    classNames,
    domain: { kind: "image", min: 0, max: 1 },
    sources: [images, labels].map((f) => ({ path: f.path, sha256: f.sha256 })),
  };
}

export async function loadIdxImages(
  name: string,
  files: IdxFiles,
  classNames: string[],
  ctx: DatasetContext,
): Promise<DatasetSplits> {
  return {
    train: await loadSplit(name, "train", files.trainImages, files.trainLabels, classNames, ctx),
    test: await loadSplit(name, "test", files.testImages, files.testLabels, classNames, ctx),
  };
}

/** The four IDX files of a distribution, as SourceFiles under `dir`, with download mirrors. */
export function idxFiles(dir: string, mirrors: string[], sums: Record<keyof IdxFiles, [number, string]>): IdxFiles {
  const names: Record<keyof IdxFiles, string> = {
    trainImages: "train-images-idx3-ubyte.gz",
    trainLabels: "train-labels-idx1-ubyte.gz",
    testImages: "t10k-images-idx3-ubyte.gz",
    testLabels: "t10k-labels-idx1-ubyte.gz",
  };
  const entry = (key: keyof IdxFiles): SourceFile => ({
    path: `${dir}/${names[key]}`,
    bytes: sums[key][0],
    sha256: sums[key][1],
    urls: mirrors.map((m) => `${m}${names[key]}`),
  });
  return {
    trainImages: entry("trainImages"),
    trainLabels: entry("trainLabels"),
    testImages: entry("testImages"),
    testLabels: entry("testLabels"),
  };
}
