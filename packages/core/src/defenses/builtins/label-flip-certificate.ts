/**
 * The label-flip certificate for classifiers whose training labels enter only through a vote
 * (Levine and Feizi, DPA Section 4): a model with the "label-vote" capability (k-means labelled
 * by its training labels) is trained as it is, and every prediction is certified against as many
 * flipped training labels as the vote withstands. The certificate covers label flips only: moved
 * or inserted points change the clusters themselves.
 */
import { z } from "zod";
import { HemlockError } from "../../errors.js";
import { Classifier } from "../../models/classifier.js";
import { defineDefense } from "../define-defense.js";

export const labelFlipCertificate = defineDefense({
  name: "label-flip-certificate",
  summary: "train a label-vote model (k-means) and certify every prediction against the flips its vote withstands",
  citation:
    "A. Levine, S. Feizi. Deep partition aggregation: provable defenses against general poisoning attacks. ICLR 2021 (arXiv:2006.14768), Section 4.",
  kind: "train",
  params: z.object({}).strict(),
  needs: [],
  requires: ["label-vote"],
  train: (_params, { train, model, trainConfig, seed, where }) => {
    const classifier = Classifier.create(
      model,
      { inputShape: train.exampleShape, classes: train.classes, seed },
      `${where}.model`,
    );
    if (!classifier.provides("label-vote"))
      throw new HemlockError(
        "INCOMPATIBLE",
        `${where}: label-flip-certificate needs a model whose labels enter only through a vote (kmeans); ${classifier.name} is not one`,
      );
    const { fitted = {} } = classifier.fit(train, trainConfig, { seed, where: `${where}.train` });
    const flips = fitted.flipsWithstood ?? 0;
    // Radii are int32: an unbeatable vote (one class present) is certified to the training set's size.
    const radius = Math.min(Number.isFinite(flips) ? flips : train.labels.length, 2 ** 31 - 1);
    return {
      predict: (inputs) => classifier.predict(inputs),
      certify: (inputs) => {
        const predictions = classifier.predict(inputs);
        return { predictions, radii: new Int32Array(predictions.length).fill(radius) };
      },
      trainingPasses: 1,
      model: classifier,
      diagnostics: { certifiedFlips: radius, ...fitted },
      dispose: () => classifier.dispose(),
    };
  },
});
