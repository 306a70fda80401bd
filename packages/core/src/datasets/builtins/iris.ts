/** Fisher's iris: 150 flowers, 4 measurements, 3 species (scikit-learn's corrected copy). */
import { sklearnCsvDataset } from "../readers/sklearn-csv.js";

export const iris = sklearnCsvDataset({
  name: "iris",
  summary: "Iris, 150 x 4 standardized measurements, 3 species; seeded stratified split",
  citation: "R.A. Fisher. The use of multiple measurements in taxonomic problems. Annals of Eugenics 7(2), 1936.",
  file: ["iris.csv", 2734, "f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449"],
  featureNames: ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
});
