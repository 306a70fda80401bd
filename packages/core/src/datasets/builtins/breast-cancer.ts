/** Breast Cancer Wisconsin (Diagnostic): 569 tumours, 30 features, malignant vs benign. */
import { sklearnCsvDataset } from "../readers/sklearn-csv.js";

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

export const breastCancer = sklearnCsvDataset({
  name: "breast-cancer",
  summary: "Breast Cancer Wisconsin (Diagnostic), 569 x 30 standardized features, 2 classes; seeded stratified split",
  citation:
    "W.N. Street, W.H. Wolberg, O.L. Mangasarian. Nuclear feature extraction for breast tumor diagnosis. IS&T/SPIE 1993.",
  file: ["breast_cancer.csv", 119913, "fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed"],
  featureNames: [
    ...MEASURES.map((m) => `mean ${m}`),
    ...MEASURES.map((m) => `${m} error`),
    ...MEASURES.map((m) => `worst ${m}`),
  ],
});
