/** Wine recognition: 178 wines, 13 chemical measurements, 3 cultivars. */
import { sklearnCsvDataset } from "../readers/sklearn-csv.js";

const FEATURES = [
  "alcohol",
  "malic_acid",
  "ash",
  "alcalinity_of_ash",
  "magnesium",
  "total_phenols",
  "flavanoids",
  "nonflavanoid_phenols",
  "proanthocyanins",
  "color_intensity",
  "hue",
  "od280/od315_of_diluted_wines",
  "proline",
];

export const wine = sklearnCsvDataset({
  name: "wine",
  summary: "Wine recognition, 178 x 13 standardized measurements, 3 cultivars; seeded stratified split",
  citation:
    "S. Aeberhard, D. Coomans, O. de Vel. Comparison of classifiers in high dimensional settings. Tech. Rep. 92-02, James Cook University, 1992.",
  file: ["wine_data.csv", 11157, "10e8a802908b34f86e5da8ce962f3c806694bc98450a18f61851af59f324bede"],
  featureNames: FEATURES,
});
