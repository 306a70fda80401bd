/**
 * The fine-tuning that repair defenses run on the defender's clean holdout (Fine-Pruning after
 * pruning, Neural Cleanse's unlearning): one default, so the repairs compare on equal terms. The
 * value is a training configuration, validated when the model trains.
 */
import { z } from "zod";

export const holdoutFineTuneSchema = z.record(z.string(), z.unknown()).default({
  epochs: 5,
  batchSize: 64,
  optimizer: { name: "sgd", lr: 0.01, momentum: 0.9 },
});
