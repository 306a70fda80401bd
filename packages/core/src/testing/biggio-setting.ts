/**
 * The setting of Biggio, Nelson, Laskov 2012's MNIST experiment, shared by the real-data test and
 * the attacks benchmark: MNIST 7 vs 1, 100 training and 500 validation points drawn (seeded) from
 * the training split, the full test split, and the test error of Hemlock's linear SVM (C 1)
 * trained on a given set by SGD.
 */

import type { Dataset } from "../datasets/dataset.js";
import { gatherBatch } from "../datasets/labeled-arrays.js";
import { loadDataset } from "../datasets/load-dataset.js";
import { Classifier } from "../models/classifier.js";
import { SeededRandom } from "../random/seeded-random.js";

export interface BiggioSetting {
  train: Dataset;
  validation: Dataset;
  test: Dataset;
  svmTestError(data: Dataset): number;
}

export async function biggioSetting(dataDir: string | undefined): Promise<BiggioSetting> {
  const splits = await loadDataset("mnist-1-7", dataDir ? { dataDir } : {});
  const order = new SeededRandom(0).permutation(splits.train.labels.length);
  const part = (from: number, to: number): Dataset => ({
    ...splits.train,
    ...gatherBatch(splits.train, order.subarray(from, to)),
  });
  const test = splits.test;
  return {
    train: part(0, 100),
    validation: part(100, 600),
    test,
    svmTestError: (data) => {
      const svm = Classifier.create({ name: "linear-svm", C: 1 }, { inputShape: [28, 28, 1], classes: 2, seed: 1 });
      svm.fit(data, { epochs: 300, batchSize: 100, optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 } }, { seed: 1 });
      const error = 1 - svm.accuracy(test);
      svm.dispose();
      return error;
    },
  };
}
