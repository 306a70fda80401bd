/**
 * A multilayer perceptron: dense ReLU hidden layers and a linear output layer emitting logits.
 * The last hidden layer is named "features" (penultimate-layer features for defenses).
 */

import { z } from "zod";
import { tf } from "../../backend/tf.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { defineModel, type ModelContext } from "../define-model.js";
import { glorotUniform } from "../seeded-initializers.js";

export interface MlpOptions extends ModelContext {
  hidden: number[];
}

export function buildMlp({ inputShape, hidden, classes, seed }: MlpOptions): tf.Sequential {
  const random = new SeededRandom(seed).fork("mlp-init");
  const model = tf.sequential({ name: "mlp" });
  // Images are flattened; flat feature vectors (tabular data) go straight to the first layer.
  const flat = inputShape.length === 1;
  if (!flat) model.add(tf.layers.flatten({ inputShape, name: "flatten" }));
  [...hidden, classes].forEach((units, i) => {
    const isOutput = i === hidden.length;
    model.add(
      tf.layers.dense({
        ...(flat && i === 0 ? { inputShape } : {}),
        units,
        ...(isOutput ? {} : { activation: "relu" as const }),
        kernelInitializer: glorotUniform(random),
        name: isOutput ? "logits" : i === hidden.length - 1 ? "features" : `hidden_${i}`,
      }),
    );
  });
  return model;
}

export const mlp = defineModel({
  name: "mlp",
  summary: "multilayer perceptron with ReLU hidden layers (default one layer of 256)",
  citation:
    "D.E. Rumelhart, G.E. Hinton, R.J. Williams. Learning representations by back-propagating errors. Nature 323, 1986.",
  params: z.object({ hidden: z.array(z.number().int().positive()).min(1).default([256]) }).strict(),
  loss: "cross-entropy",
  provides: ["features", "gradients", "per-example-gradients"],
  build: ({ hidden }, ctx) => buildMlp({ ...ctx, hidden }),
});
