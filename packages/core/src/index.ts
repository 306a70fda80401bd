/**
 * @hemlock/core: compute backends, datasets, models, attacks, defenses and metrics.
 * Knows nothing of the runner or the store. Importing it registers the built-in plugins.
 */
import "./register-builtins.js";

export { attacks } from "./attacks/attack-registry.js";
export {
  type AttackContext,
  type AttackKind,
  type AttackPlugin,
  defineAttack,
  type PoisonResult,
  type TriggerSource,
  type TriggerTransform,
} from "./attacks/define-attack.js";
export { type AttackSpec, poisonDataset } from "./attacks/poison-dataset.js";
export { attackerLabel, type PoisonSemantics, poisonSemanticsSchema } from "./attacks/poison-semantics.js";
export {
  hasPoisonedData,
  loadPoisonedData,
  type PoisonedData,
  savePoisonedData,
  toPoisonedData,
} from "./attacks/poisoned-data-files.js";
export { checkPoisoningRate, isPoisoningRate, POISONING_RATE } from "./attacks/poisoning-rate.js";
export { triggeredRows } from "./attacks/triggered-rows.js";
export { activeBackendInfo, type BackendInfo } from "./backend/backend-info.js";
export { BACKEND_NAMES, type BackendChoice, type BackendName, parseBackendChoice } from "./backend/backend-name.js";
export { loadBackend } from "./backend/load-backend.js";
export { limitNativeThreads } from "./backend/native-threads.js";
export { plannedBackend } from "./backend/planned-backend.js";
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
export { type ArrayAllocator, arrayAllocator } from "./datasets/array-allocator.js";
export { resolveDataDir } from "./datasets/data-dir.js";
export type { Dataset, DatasetSplits, FeatureDomain, SplitName } from "./datasets/dataset.js";
export { datasets } from "./datasets/dataset-registry.js";
export { type DatasetState, type DatasetStatus, datasetStatus } from "./datasets/dataset-status.js";
export { type DatasetContext, type DatasetPlugin, defineDataset } from "./datasets/define-dataset.js";
export { type FetchEvent, type FetchOptions, fetchFiles } from "./datasets/fetch-files.js";
export { type GaussianBlobsOptions, gaussianBlobs } from "./datasets/gaussian-blobs.js";
export { exampleSize, gatherBatch, type LabeledArrays } from "./datasets/labeled-arrays.js";
export {
  clearDatasetCache,
  type DatasetSpec,
  genericDatasetParams,
  type LoadOptions,
  loadDataset,
} from "./datasets/load-dataset.js";
export { npyBytes } from "./datasets/npy.js";
export { BUNDLED_DATA_DIR, readSourceFile } from "./datasets/read-source-file.js";
export {
  type CorpusMessage,
  readSpamAssassinCorpus,
  SPAMASSASSIN_GROUPS,
  type SpamAssassinGroup,
} from "./datasets/readers/spamassassin-corpus.js";
export type { SourceFile } from "./datasets/source-files.js";
export { stratifiedSplit, stratifiedSubset } from "./datasets/transforms/stratified-indices.js";
export { type FileCheck, type FileState, sha256File, verifyFile, verifyFiles } from "./datasets/verify-files.js";
export { anomalyIndices } from "./defenses/analysis/median-absolute-deviation.js";
export {
  type ReversedTrigger,
  reverseEngineerTrigger,
  stampTrigger,
} from "./defenses/analysis/trigger-reverse-engineering.js";
export { plurality } from "./defenses/certificates/vote-certificates.js";
export { defenses } from "./defenses/defense-registry.js";
export type {
  DefendedPredictor,
  DefenseKind,
  DefenseNeed,
  DefensePlugin,
  DetectInputDefense,
  InputDetector,
  SanitizeDefense,
  SanitizeInput,
  SanitizeResult,
} from "./defenses/define-defense.js";
export { evaluateInputDetector, fitInputDetector } from "./defenses/detect-inputs.js";
export { repairModel } from "./defenses/repair-model.js";
export { checkDefenseFits, type DefenseSpec, resolveDefense } from "./defenses/resolve-defense.js";
export { type Sanitized, sanitizeDataset } from "./defenses/sanitize-dataset.js";
export { trainDefended } from "./defenses/train-defended.js";
export { errorText, HemlockError, type HemlockErrorCode, isHemlockError } from "./errors.js";
export { canonicalJson, contentHash } from "./hashing/canonical-json.js";
export { type BackdoorMetrics, backdoorMetrics, type Predict } from "./metrics/backdoor-metrics.js";
export { certifiedAccuracy } from "./metrics/certified-metrics.js";
export { defenseEffectivenessRate } from "./metrics/defense-metrics.js";
export { auroc, type DetectionMetrics, detectionMetrics, tprAtFpr } from "./metrics/detection-metrics.js";
export { isProportion, METRIC_LABELS, type MetricDirection, metricDirection } from "./metrics/metric-direction.js";
export { METRIC_SPEC_VERSION } from "./metrics/metric-spec.js";
export { type TargetedMetrics, targetedMetrics } from "./metrics/targeted-metrics.js";
export { type Examples, mapBatches } from "./models/batched.js";
export { type BadnetsCnnOptions, buildBadnetsCnn } from "./models/builtins/badnets-cnn.js";
export { buildMlp, type MlpOptions } from "./models/builtins/mlp.js";
export { Classifier, type ModelSpec } from "./models/classifier.js";
export { kMeans } from "./models/clustering/kmeans.js";
export { defineModel, type ModelCapability, type ModelContext, type ModelPlugin } from "./models/define-model.js";
export { loadClassifier, saveClassifier } from "./models/model-files.js";
export { models } from "./models/model-registry.js";
export { weightsDigest } from "./models/weights-digest.js";
export { deriveSeed, SeededRandom } from "./random/seeded-random.js";
export { buildPluginCatalog } from "./registry/build-plugin-catalog.js";
export { describeParams, type ParamDescription } from "./registry/describe-params.js";
export { didYouMean } from "./registry/did-you-mean.js";
export { parseParams } from "./registry/parse-params.js";
export { type CatalogPlugin, type PluginCatalog, readPluginCatalog } from "./registry/plugin-catalog.js";
export { type Plugin, Registry } from "./registry/registry.js";
export { attackConformance } from "./testing/attack-conformance.js";
export { type BiggioSetting, biggioSetting } from "./testing/biggio-setting.js";
export { type MailAddress, type MailMessage, parseMail } from "./text/parse-mail.js";
export { tokenizeMail } from "./text/spambayes-tokenizer.js";
export { disposeOptimizer } from "./training/dispose-optimizer.js";
export { type LossName, meanLoss, perExampleLoss } from "./training/losses.js";
export { learningRateAt } from "./training/lr-schedule.js";
export { buildOptimizer, type HemlockOptimizer } from "./training/optimizer.js";
export {
  type OptimizerConfig,
  optimizerSchema,
  type ScheduleConfig,
  scheduleSchema,
  type TrainConfig,
  trainConfigSchema,
} from "./training/train-config.js";
export {
  type EpochRecord,
  type TrainProgress,
  type TrainResult,
  trainingStep,
  trainModel,
} from "./training/train-model.js";
