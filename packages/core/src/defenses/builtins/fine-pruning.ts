/**
 * Fine-Pruning (Liu, Dolan-Gavitt, Garg 2018): a backdoor often lives in channels that clean
 * inputs leave dormant. On the defender's clean holdout, the last convolutional layer's channels
 * are ranked by mean activation and pruned (weights and bias zeroed) from the least active up,
 * stopping before holdout accuracy falls more than `maxAccuracyDrop` below the unpruned model's;
 * the pruned model is then fine-tuned on the holdout, pruned channels kept at zero.
 */

import { z } from "zod";
import { tf } from "../../backend/tf.js";
import { HemlockError } from "../../errors.js";
import type { Classifier } from "../../models/classifier.js";
import { defineDefense } from "../define-defense.js";
import { holdoutFineTuneSchema } from "../model-repair/holdout-fine-tuning.js";

export const finePruning = defineDefense({
  name: "fine-pruning",
  summary: "prunes the last conv layer's channels dormant on clean data, then fine-tunes on a clean holdout",
  citation:
    "K. Liu, B. Dolan-Gavitt, S. Garg. Fine-pruning: defending against backdooring attacks on deep neural networks. RAID 2018.",
  kind: "repair",
  params: z
    .object({
      /** The convolutional layer to prune; the last one if omitted. */
      layer: z.string().optional(),
      maxAccuracyDrop: z.number().min(0).max(1).default(0.04),
      /** Fine-tuning on the holdout (epochs 0 prunes only). */
      fineTune: holdoutFineTuneSchema,
    })
    .strict(),
  needs: ["poisoned-model", "clean-holdout"],
  requires: [],
  repair: (params, { model: original, holdout, seed, where }) => {
    const convLayers = original.model.layers.filter((l) => l.getClassName() === "Conv2D");
    const layer = params.layer
      ? original.model.layers.find((l) => l.name === params.layer)
      : convLayers[convLayers.length - 1];
    if (layer === undefined || layer.getClassName() !== "Conv2D")
      throw new HemlockError(
        "INCOMPATIBLE",
        `${where}${params.layer ? ".layer" : ""}: fine-pruning needs a convolutional layer; ${original.name} has ${convLayers.length > 0 ? convLayers.map((l) => l.name).join(", ") : "none"}`,
      );
    const model = original.clone();
    const conv = model.model.getLayer(layer.name);
    const channels = (conv.getWeights()[0] as tf.Tensor).shape[3] as number;
    const activations = meanChannelActivations(model, conv.name, holdout);
    const order = [...activations.keys()].sort(
      (a, b) => (activations[a] as number) - (activations[b] as number) || a - b,
    );
    const baseline = model.accuracy(holdout);
    const pruned: number[] = [];
    for (const channel of order.slice(0, channels - 1)) {
      setChannels(conv, [...pruned, channel]);
      if (model.accuracy(holdout) < baseline - params.maxAccuracyDrop) {
        setChannels(conv, pruned, original.model.getLayer(layer.name));
        break;
      }
      pruned.push(channel);
    }
    const epochs = Number(params.fineTune.epochs ?? 0);
    for (let epoch = 0; epoch < epochs; epoch++) {
      model.fit(holdout, { ...params.fineTune, epochs: 1 }, { seed: seed + epoch, where: `${where}.fineTune` });
      setChannels(conv, pruned);
    }
    return {
      model,
      diagnostics: {
        prunedChannels: pruned.length,
        channels,
        holdoutAccuracyBefore: baseline,
        holdoutAccuracyAfter: model.accuracy(holdout),
      },
    };
  },
});

/** Mean activation of each output channel of a layer over the data. */
function meanChannelActivations(
  model: Classifier,
  layerName: string,
  data: { x: Float32Array; exampleShape: number[] },
): Float64Array {
  const probe = tf.model({
    inputs: model.model.inputs,
    outputs: model.model.getLayer(layerName).output as tf.SymbolicTensor,
  });
  const size = data.exampleShape.reduce((a, b) => a * b, 1);
  const n = data.x.length / size;
  let sums: Float64Array | undefined;
  for (let start = 0; start < n; start += 256) {
    const count = Math.min(256, n - start);
    const means = tf.tidy(() => {
      const x = tf.tensor(data.x.subarray(start * size, (start + count) * size), [count, ...data.exampleShape]);
      return tf.sum(probe.predict(x) as tf.Tensor4D, [0, 1, 2]).dataSync() as Float32Array;
    });
    sums ??= new Float64Array(means.length);
    means.forEach((v, c) => {
      (sums as Float64Array)[c] = ((sums as Float64Array)[c] as number) + v;
    });
  }
  return sums ?? new Float64Array();
}

/**
 * Zeroes the kernel and bias of the listed output channels; channels not listed take their
 * values from `restoreFrom` when given (undoing a prune), else keep theirs.
 */
function setChannels(layer: tf.layers.Layer, zeroed: number[], restoreFrom?: tf.layers.Layer): void {
  const [kernel, bias] = (restoreFrom ?? layer).getWeights() as [tf.Tensor4D, tf.Tensor1D];
  const current = layer.getWeights() as [tf.Tensor4D, tf.Tensor1D];
  const channels = kernel.shape[3];
  const mask = tf.tensor1d(Array.from({ length: channels }, (_, c) => (zeroed.includes(c) ? 0 : 1)));
  const next = tf.tidy(() => {
    const source = restoreFrom ? [kernel, bias] : current;
    return [tf.mul(source[0] as tf.Tensor, mask), tf.mul(source[1] as tf.Tensor, mask)];
  });
  layer.setWeights(next);
  tf.dispose([...next, mask]);
}
