/** Fisher's iris: 150 flowers, 4 measurements, 3 species (scikit-learn's corrected copy). */
import { z } from "zod";
import { defineDataset } from "../define-dataset.js";
import { splitTable, tabularParams } from "./single-table.js";
import { readSklearnCsv, sklearnUrl } from "./sklearn-csv.js";

const file = {
  path: "sklearn/data/iris.csv",
  bytes: 2734,
  sha256: "f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449",
  urls: [sklearnUrl("data/iris.csv")],
};

export const iris = defineDataset({
  name: "iris",
  summary: "Iris, 150 x 4 standardized measurements, 3 species; seeded stratified split",
  citation: "R.A. Fisher. The use of multiple measurements in taxonomic problems. Annals of Eugenics 7(2), 1936.",
  license: "CC BY 4.0 (UCI); file from scikit-learn, BSD-3-Clause",
  params: z.object(tabularParams).strict(),
  files: [file],
  load: async (params, ctx) =>
    splitTable(
      await readSklearnCsv(
        "iris",
        file,
        ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
        ctx,
      ),
      params,
      ctx.alloc,
    ),
});
