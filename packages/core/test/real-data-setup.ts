/**
 * What the real-data tests share: the data directory (they run only when HEMLOCK_DATA_DIR is
 * set) and the BadNets CNN's training configuration for the 10,000-image MNIST subset.
 */
export const dataDir = process.env.HEMLOCK_DATA_DIR;

export const CNN_SUBSET_TRAIN = {
  epochs: 3,
  batchSize: 64,
  optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 },
  schedule: { name: "cosine" },
};
