/**
 * Reads scikit-learn's bundled CSVs (breast_cancer.csv, iris.csv, wine_data.csv): a header line
 * "n_samples,n_features,class names...", then rows of features followed by the integer target.
 */

import type { Dataset } from "../dataset.js";
import type { DatasetContext } from "../define-dataset.js";
import { numberAt, readTable } from "../readers/text-table.js";
import type { SourceFile } from "../source-files.js";

export async function readSklearnCsv(
  name: string,
  file: SourceFile,
  featureNames: string[],
  ctx: DatasetContext,
): Promise<Omit<Dataset, "split">> {
  const rows = readTable(await ctx.read(file));
  const [header, ...body] = rows;
  const n = Number(header?.[0]);
  const features = Number(header?.[1]);
  if (body.length !== n || features !== featureNames.length) {
    throw new Error(
      `${file.path}: header promises ${n} rows of ${features} features, found ${body.length} rows (expected ${featureNames.length} features)`,
    );
  }
  const classNames = (header ?? []).slice(2);
  const x = ctx.alloc.float32(n * features);
  const labels = ctx.alloc.int32(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < features; f++) x[i * features + f] = numberAt(body, i, f, file.path);
    labels[i] = numberAt(body, i, features, file.path);
  }
  return {
    name,
    x,
    exampleShape: [features],
    labels,
    classes: classNames.length,
    classNames,
    domain: { kind: "tabular", featureNames },
    sources: [{ path: file.path, sha256: file.sha256 }],
  };
}

/** The raw URL of a file in scikit-learn's repository, at release 1.5.0 (data unchanged since 2018). */
export const sklearnUrl = (path: string) =>
  `https://raw.githubusercontent.com/scikit-learn/scikit-learn/1.5.0/sklearn/datasets/${path}`;
