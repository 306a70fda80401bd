/**
 * scikit-learn's bundled tabular CSVs (breast_cancer.csv, iris.csv, wine_data.csv): a header line
 * "n_samples,n_features,class names...", then rows of features followed by the integer target.
 * Each becomes a dataset with a seeded stratified split and train-fitted standardization.
 */
import { z } from "zod";
import type { Dataset } from "../dataset.js";
import { type DatasetContext, type DatasetPlugin, defineDataset } from "../define-dataset.js";
import type { SourceFile } from "../source-files.js";
import { splitTable, tabularParams } from "../transforms/single-table.js";
import { featuresThenLabel, readTable } from "./text-table.js";

/** The raw URL of a file in scikit-learn's repository, at release 1.5.0 (data unchanged since 2018). */
export const sklearnUrl = (path: string) =>
  `https://raw.githubusercontent.com/scikit-learn/scikit-learn/1.5.0/sklearn/datasets/${path}`;

export async function readSklearnCsv(
  name: string,
  file: SourceFile,
  featureNames: string[],
  ctx: DatasetContext,
): Promise<Omit<Dataset, "split">> {
  const [header, ...body] = readTable(await ctx.read(file));
  const n = Number(header?.[0]);
  const features = Number(header?.[1]);
  if (body.length !== n || features !== featureNames.length) {
    throw new Error(
      `${file.path}: header promises ${n} rows of ${features} features, found ${body.length} rows (expected ${featureNames.length} features)`,
    );
  }
  const classNames = (header ?? []).slice(2);
  return {
    name,
    ...featuresThenLabel(body, features, file.path, ctx.alloc),
    exampleShape: [features],
    classes: classNames.length,
    classNames,
    domain: { kind: "tabular", featureNames },
    sources: [{ path: file.path, sha256: file.sha256 }],
  };
}

export interface SklearnCsvDataset {
  name: string;
  summary: string;
  citation: string;
  /** File name under sklearn/data/, its size and sha256. */
  file: [string, number, string];
  featureNames: string[];
}

export function sklearnCsvDataset(d: SklearnCsvDataset) {
  const [fileName, bytes, sha256] = d.file;
  const file = { path: `sklearn/data/${fileName}`, bytes, sha256, urls: [sklearnUrl(`data/${fileName}`)] };
  return defineDataset({
    name: d.name,
    summary: d.summary,
    citation: d.citation,
    license: "CC BY 4.0 (UCI); file from scikit-learn, BSD-3-Clause",
    params: z.object(tabularParams).strict(),
    files: [file],
    load: async (params, ctx) => splitTable(await readSklearnCsv(d.name, file, d.featureNames, ctx), params, ctx.alloc),
  }) satisfies DatasetPlugin;
}
