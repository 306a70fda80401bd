/**
 * Registers Hemlock's built-in plugins, from literal lists (never by scanning the filesystem).
 * Importing this module has the side effect; worker threads import it too, since registries are
 * per thread.
 */
import { attacks } from "./attacks/attack-registry.js";
import { alfa } from "./attacks/builtins/alfa.js";
import { badnets } from "./attacks/builtins/badnets.js";
import { blended } from "./attacks/builtins/blended.js";
import { featureCollision } from "./attacks/builtins/feature-collision.js";
import { gradientPoisoning } from "./attacks/builtins/gradient-poisoning.js";
import { labelConsistent } from "./attacks/builtins/label-consistent.js";
import { labelFlip } from "./attacks/builtins/label-flip.js";
import { sig } from "./attacks/builtins/sig.js";
import { tabularBackdoor } from "./attacks/builtins/tabular-backdoor.js";
import { adult } from "./datasets/builtins/adult.js";
import { breastCancer } from "./datasets/builtins/breast-cancer.js";
import { digits } from "./datasets/builtins/digits.js";
import { fashionMnist } from "./datasets/builtins/fashion-mnist.js";
import { iris } from "./datasets/builtins/iris.js";
import { mnist } from "./datasets/builtins/mnist.js";
import { mnist17 } from "./datasets/builtins/mnist-1-7.js";
import { spambase } from "./datasets/builtins/spambase.js";
import { wine } from "./datasets/builtins/wine.js";
import { datasets } from "./datasets/dataset-registry.js";
import { activationClustering } from "./defenses/builtins/activation-clustering.js";
import { bagging } from "./defenses/builtins/bagging.js";
import { deepPartitionAggregation } from "./defenses/builtins/deep-partition-aggregation.js";
import { dpSgd } from "./defenses/builtins/dp-sgd.js";
import { finePruning } from "./defenses/builtins/fine-pruning.js";
import { knnLabelSanitization } from "./defenses/builtins/knn-label-sanitization.js";
import { labelFlipCertificate } from "./defenses/builtins/label-flip-certificate.js";
import { neuralCleanse } from "./defenses/builtins/neural-cleanse.js";
import { noDefense } from "./defenses/builtins/none.js";
import { perfectFilter } from "./defenses/builtins/perfect-filter.js";
import { randomFilter } from "./defenses/builtins/random-filter.js";
import { roni } from "./defenses/builtins/roni.js";
import { spectralSignatures } from "./defenses/builtins/spectral-signatures.js";
import { sphereSlab } from "./defenses/builtins/sphere-slab.js";
import { strip } from "./defenses/builtins/strip.js";
import { trim } from "./defenses/builtins/trim.js";
import { defenses } from "./defenses/defense-registry.js";
import { badnetsCnn } from "./models/builtins/badnets-cnn.js";
import { kmeans } from "./models/builtins/kmeans.js";
import { linearSvm } from "./models/builtins/linear-svm.js";
import { logisticRegression } from "./models/builtins/logistic-regression.js";
import { mlp } from "./models/builtins/mlp.js";
import { resnetSmall } from "./models/builtins/resnet-small.js";
import { models } from "./models/model-registry.js";
import { registerAll } from "./registry/registry.js";

const BUILTIN_DATASETS = [mnist, fashionMnist, mnist17, digits, breastCancer, iris, wine, adult, spambase];

registerAll(datasets, BUILTIN_DATASETS);

const BUILTIN_MODELS = [logisticRegression, linearSvm, mlp, badnetsCnn, resnetSmall, kmeans];

registerAll(models, BUILTIN_MODELS);

const BUILTIN_ATTACKS = [
  labelFlip,
  alfa,
  badnets,
  blended,
  sig,
  labelConsistent,
  featureCollision,
  gradientPoisoning,
  tabularBackdoor,
];

registerAll(attacks, BUILTIN_ATTACKS);

const BUILTIN_DEFENSES = [
  noDefense,
  perfectFilter,
  randomFilter,
  knnLabelSanitization,
  spectralSignatures,
  activationClustering,
  sphereSlab,
  trim,
  roni,
  strip,
  deepPartitionAggregation,
  labelFlipCertificate,
  bagging,
  dpSgd,
  finePruning,
  neuralCleanse,
];

registerAll(defenses, BUILTIN_DEFENSES);
