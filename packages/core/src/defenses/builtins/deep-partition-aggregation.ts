/**
 * Deep Partition Aggregation (Levine, Feizi 2021): the training set is split into k disjoint
 * partitions by a hash of each example, one base model is trained per partition, and the
 * prediction is the plurality vote (ties to the smaller label). A poisoned example, inserted,
 * removed or relabelled, changes at most one partition and so at most one vote; with n_c votes
 * for the predicted class c, the prediction is certified against
 *   floor((n_c - max_{c' != c} (n_{c'} + [c' < c])) / 2)
 * poisoned examples. Hashing the features only (SHA-256 of their float32 bytes) keeps a label
 * flip inside its partition, and makes the partition of an example independent of its position.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { exampleSize, gatherBatch } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { Classifier } from "../../models/classifier.js";
import { deriveSeed } from "../../random/seeded-random.js";
import { plurality } from "../certificates/vote-certificates.js";
import { defineDefense } from "../define-defense.js";

export const deepPartitionAggregation = defineDefense({
  name: "deep-partition-aggregation",
  summary: "k base models on hash-disjoint partitions, plurality vote, certified against floor((gap)/2) poisons",
  citation:
    "A. Levine, S. Feizi. Deep partition aggregation: provable defenses against general poisoning attacks. ICLR 2021 (arXiv:2006.14768).",
  kind: "train",
  params: z.object({ partitions: z.number().int().min(1).max(100000).default(50) }).strict(),
  needs: [],
  requires: [],
  train: ({ partitions }, { train, model, trainConfig, seed, where }) => {
    const n = train.labels.length;
    const members = hashPartitions(train.x, exampleSize(train), partitions);
    const empty = members.findIndex((m) => m.length === 0);
    if (empty >= 0)
      throw new HemlockError(
        "INVALID_PARAMS",
        `${where}.partitions: ${partitions} partitions of ${n} examples leave partition ${empty} empty`,
      );
    const base = members.map((indices, k) => {
      const classifier = Classifier.create(
        model,
        { inputShape: train.exampleShape, classes: train.classes, seed: deriveSeed(seed, `partition-${k}`) },
        `${where}.model`,
      );
      classifier.fit({ ...train, ...gatherBatch(train, indices) }, trainConfig, {
        seed: deriveSeed(seed, `partition-${k}`),
        where: `${where}.train`,
      });
      return classifier;
    });
    const votes = (inputs: Parameters<Classifier["predict"]>[0]) => base.map((m) => m.predict(inputs));
    return {
      predict: (inputs) => plurality(votes(inputs), train.classes).predictions,
      certify: (inputs) => plurality(votes(inputs), train.classes),
      // Each example trains exactly one base model, for the configured epochs.
      trainingPasses: 1,
      dispose: () => {
        for (const m of base) m.dispose();
      },
    };
  },
});

/** Partition of each example: SHA-256 of its features' float32 bytes, mod k. */
export function hashPartitions(x: Float32Array, size: number, k: number): number[][] {
  const members: number[][] = Array.from({ length: k }, () => []);
  const n = x.length / size;
  for (let i = 0; i < n; i++) {
    const bytes = new Uint8Array(x.buffer, x.byteOffset + i * size * 4, size * 4);
    const digest = createHash("sha256").update(bytes).digest();
    // The first 6 bytes as an integer: uniform enough mod any k up to 10^5.
    members[digest.readUIntBE(0, 6) % k]?.push(i);
  }
  return members;
}
