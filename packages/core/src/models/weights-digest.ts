/**
 * A SHA-256 over a model's weights (names, shapes and exact float bits), for checking that two
 * trainings are bit-identical and for content-addressing trained models.
 */
import { createHash } from "node:crypto";
import type * as tf from "@tensorflow/tfjs";

export function weightsDigest(model: tf.LayersModel): string {
  const hash = createHash("sha256");
  for (const weight of model.weights) {
    const value = weight.read();
    // originalName, not name: tfjs suffixes names ("kernel_1") to keep them unique per process.
    hash.update(`${weight.originalName}:${value.shape.join("x")}:${value.dtype};`);
    const data = value.dataSync() as Float32Array;
    hash.update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  return hash.digest("hex");
}
