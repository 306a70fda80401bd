/**
 * @hemlock/core: compute backends, datasets, models, attacks, defenses and metrics.
 * Knows nothing of the runner or the store.
 */
export { activeBackendInfo, type BackendInfo } from "./backend/backend-info.js";
export { BACKEND_NAMES, type BackendChoice, type BackendName, parseBackendChoice } from "./backend/backend-name.js";
export { loadBackend } from "./backend/load-backend.js";
export { limitNativeThreads } from "./backend/native-threads.js";
export {
  type BackendSelection,
  type BackendStatus,
  type SelectBackendOptions,
  selectBackend,
} from "./backend/select-backend.js";
export {
  HEMLOCK_WASM_KERNELS,
  registerWasmKernels,
  unregisterWasmKernels,
} from "./backend/wasm-kernels/register-wasm-kernels.js";
export { resolveDataDir } from "./datasets/data-dir.js";
export { type GaussianBlobsOptions, gaussianBlobs } from "./datasets/gaussian-blobs.js";
export { DATASET_SOURCES, type DatasetSource, type SourceFile } from "./datasets/source-files.js";
export { type FileCheck, type FileState, sha256File, verifyDataset, verifyFile } from "./datasets/verify-files.js";
export { HemlockError, type HemlockErrorCode, isHemlockError } from "./errors.js";
export { type BadnetsCnnOptions, buildBadnetsCnn } from "./models/badnets-cnn.js";
export { buildMlp, type MlpOptions } from "./models/mlp.js";
export { weightsDigest } from "./models/weights-digest.js";
export { deriveSeed, SeededRandom } from "./random/seeded-random.js";
export { disposeOptimizer } from "./training/dispose-optimizer.js";
export { type FitOptions, fitClassifier } from "./training/fit-classifier.js";
export { exampleSize, gatherBatch, type LabeledArrays } from "./training/labeled-arrays.js";
export { trainStep } from "./training/train-step.js";
