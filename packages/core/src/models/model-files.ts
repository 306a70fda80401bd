/**
 * Saves and loads classifiers in TensorFlow.js's layers format (model.json + weights.bin, which
 * tf.loadLayersModel reads) plus hemlock.json: the model plugin, its parameters, input shape,
 * classes, seed and a content hash, the sha256 of the topology and weight bytes, so a trained
 * model is content-addressed and a tampered file is caught on load.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { tf } from "../backend/tf.js";
import { HemlockError } from "../errors.js";
import { writeFilesInOrder } from "../files/write-files-in-order.js";
import { Classifier } from "./classifier.js";
import type { ModelContext } from "./define-model.js";
import { models } from "./model-registry.js";

interface HemlockModelFile {
  format: "hemlock-model/1";
  model: string;
  params: Record<string, unknown>;
  context: ModelContext;
  contentHash: string;
}

function contentHash(topology: unknown, weightSpecs: unknown, weights: Uint8Array): string {
  return createHash("sha256").update(JSON.stringify({ topology, weightSpecs })).update(weights).digest("hex");
}

/** Writes the classifier into `dir` (created; files replaced atomically) and returns its content hash. */
export async function saveClassifier(classifier: Classifier, dir: string): Promise<string> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await classifier.model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: "JSON" } };
    }),
  );
  if (artifacts?.weightData === undefined || artifacts.weightSpecs === undefined)
    throw new Error("tfjs returned no weights to save");
  const weights = new Uint8Array(tf.io.concatenateArrayBuffers(artifacts.weightData as ArrayBuffer | ArrayBuffer[]));
  const hash = contentHash(artifacts.modelTopology, artifacts.weightSpecs, weights);
  const modelJson = {
    format: "layers-model",
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: ["weights.bin"], weights: artifacts.weightSpecs }],
  };
  const meta: HemlockModelFile = {
    format: "hemlock-model/1",
    model: classifier.name,
    params: classifier.params,
    context: classifier.context,
    contentHash: hash,
  };
  writeFilesInOrder(dir, [
    ["weights.bin", weights],
    ["model.json", JSON.stringify(modelJson)],
    ["hemlock.json", `${JSON.stringify(meta, null, 2)}\n`],
  ]);
  return hash;
}

/** Loads a classifier saved by saveClassifier, checking its content hash. */
export async function loadClassifier(dir: string): Promise<{ classifier: Classifier; contentHash: string }> {
  const read = (name: string) =>
    readFile(join(dir, name)).catch(() => {
      throw new HemlockError("MODEL_FILE", `${join(dir, name)} is missing: not a saved Hemlock model`);
    });
  const meta = JSON.parse((await read("hemlock.json")).toString("utf8")) as HemlockModelFile;
  if (meta.format !== "hemlock-model/1") {
    throw new HemlockError(
      "MODEL_FILE",
      `${join(dir, "hemlock.json")}: format ${JSON.stringify(meta.format)}, expected "hemlock-model/1"`,
    );
  }
  const modelJson = JSON.parse((await read("model.json")).toString("utf8")) as {
    modelTopology: unknown;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  const weights = new Uint8Array(await read("weights.bin"));
  const weightSpecs = modelJson.weightsManifest.flatMap((m) => m.weights);
  const hash = contentHash(modelJson.modelTopology, weightSpecs, weights);
  if (hash !== meta.contentHash) {
    throw new HemlockError(
      "MODEL_FILE",
      `${dir}: content hash ${hash} does not match the recorded ${meta.contentHash}; the files were changed or damaged`,
    );
  }
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology as tf.io.ModelJSON["modelTopology"],
      weightSpecs,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer,
    }),
  );
  const plugin = models.get(meta.model, `${join(dir, "hemlock.json")}: model`);
  return { classifier: new Classifier(plugin, meta.params, model, meta.context), contentHash: hash };
}
