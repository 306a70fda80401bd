/** Breast Cancer Wisconsin (Diagnostic): 569 tumours, 30 features, malignant vs benign. */
import { z } from "zod";
import { defineDataset } from "../define-dataset.js";
import { splitTable, tabularParams } from "./single-table.js";
import { readSklearnCsv, sklearnUrl } from "./sklearn-csv.js";

const file = {
  path: "sklearn/data/breast_cancer.csv",
  bytes: 119913,
  sha256: "fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed",
  urls: [sklearnUrl("data/breast_cancer.csv")],
};

// sklearn's feature names: each of ten nucleus measures as mean, standard error and worst value.
const MEASURES = [
  "radius",
  "texture",
  "perimeter",
  "area",
  "smoothness",
  "compactness",
  "concavity",
  "concave points",
  "symmetry",
  "fractal dimension",
];
const FEATURES = [
  ...MEASURES.map((m) => `mean ${m}`),
  ...MEASURES.map((m) => `${m} error`),
  ...MEASURES.map((m) => `worst ${m}`),
];

export const breastCancer = defineDataset({
  name: "breast-cancer",
  summary: "Breast Cancer Wisconsin (Diagnostic), 569 x 30 standardized features, 2 classes; seeded stratified split",
  citation:
    "W.N. Street, W.H. Wolberg, O.L. Mangasarian. Nuclear feature extraction for breast tumor diagnosis. IS&T/SPIE 1993.",
  license: "CC BY 4.0 (UCI); file from scikit-learn, BSD-3-Clause",
  params: z.object(tabularParams).strict(),
  files: [file],
  load: async (params, ctx) =>
    splitTable(await readSklearnCsv("breast-cancer", file, FEATURES, ctx), params, ctx.alloc),
});
