/**
 * Runs the cells that share one poisoned dataset (one attack, rate and seed on one dataset): the
 * unit of work a worker takes. The poisoned data is made once and each trained model once (both
 * read back from the artifact directory when an earlier run saved them), each sanitized set once,
 * and then every cell's defense and metrics. A failing cell is reported with its error and stack,
 * and the others go on.
 */
import { stat } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import {
  activeBackendInfo,
  Classifier,
  type Dataset,
  type DatasetSplits,
  defenses,
  errorText,
  exampleSize,
  gatherBatch,
  loadClassifier,
  loadDataset,
  loadPoisonedData,
  type PoisonedData,
  poisonDataset,
  type Sanitized,
  sanitizeDataset,
  saveClassifier,
  savePoisonedData,
  toPoisonedData,
} from "@hemlock/core";
import type { ArtifactNode } from "../../artifacts/artifact-plan.js";
import { artifactPath, keptArtifactExists } from "../../artifacts/artifacts-on-disk.js";
import type { CellConfig, NamedConfig } from "../../cells/resolve-cells.js";
import { count, type MetricValues, predictionMetrics, prefixed } from "../../defense-kinds/cell-metrics.js";
import { defenseKindOf } from "../../defense-kinds/defense-kind-table.js";

export interface GroupCell {
  identity: string;
  config: CellConfig;
  chain: string[];
}

export interface GroupJob {
  cells: GroupCell[];
  /** The artifact nodes the cells' chains name. */
  nodes: Record<string, Pick<ArtifactNode, "kind" | "inputs" | "spec">>;
  artifactDir: string;
  dataDir?: string;
  /** The dataset, loaded once by the main thread into SharedArrayBuffers; loaded here if absent. */
  splits?: DatasetSplits;
  workerId: number;
}

export interface WrittenArtifact {
  key: string;
  kind: string;
  path: string;
  bytes: number;
  sha256: string;
  /** A trained model's training history, for one. */
  meta?: Record<string, unknown>;
}

export interface CellOutcome {
  identity: string;
  status: "finished" | "failed";
  metrics?: MetricValues;
  error?: string;
  stack?: string;
  startedAt: number;
  finishedAt: number;
  /** Host, worker, backend and peak memory: the executing side of the cell's provenance. */
  provenance: Record<string, unknown>;
  /** Models this cell caused to be trained (0 when every one it needed existed). */
  trainings: number;
  artifacts: WrittenArtifact[];
}

export async function runPoisonGroup(job: GroupJob, onCell: (outcome: CellOutcome) => void): Promise<void> {
  const first = job.cells[0];
  if (!first) return;
  // The first cell's time includes making (or reading) the poisoned data, as its outcome carries
  // the artifact: a group's cells' wall times add up to the group's.
  let cellStartedAt = Date.now();
  const splits =
    job.splits ??
    (await loadDataset(first.config.dataset, {
      ...(job.dataDir ? { dataDir: job.dataDir } : {}),
      seed: first.config.seed,
    }));
  const holdoutSize = first.config.holdout;
  const testSize = splits.test.labels.length;
  const part = (from: number, to: number): Dataset => ({
    ...splits.test,
    ...gatherBatch(
      splits.test,
      Int32Array.from({ length: to - from }, (_, i) => from + i),
    ),
  });
  let poisoned: PoisonedData | undefined;
  let poisonError: unknown;
  // The poisoned data, when this group made it, goes with the first cell's outcome.
  const poisonWritten: WrittenArtifact[] = [];
  try {
    if (holdoutSize >= testSize)
      throw new Error(
        `holdout.size ${holdoutSize} leaves nothing of ${first.config.dataset.name}'s ${testSize} test examples to measure on`,
      );
    if (first.config.attack) {
      const key = first.chain[0] as string;
      const dir = artifactPath(job.artifactDir, "poisoned-data", key);
      if (keptArtifactExists(job.artifactDir, "poisoned-data", key)) poisoned = await loadPoisonedData(dir, splits);
      else {
        const result = poisonDataset(first.config.attack, splits.train, {
          rate: first.config.rate,
          seed: first.config.seed,
          test: splits.test,
          ...(splits.validation ? { validation: splits.validation } : {}),
        });
        poisoned = toPoisonedData(result, splits.test);
        const { sha256, bytes } = await savePoisonedData(poisoned, splits, dir);
        poisonWritten.push({ key, kind: "poisoned-data", path: join("poisoned-data", key), bytes, sha256 });
      }
    }
  } catch (error) {
    poisonError = error;
  }
  const holdout = holdoutSize < testSize ? part(0, holdoutSize) : splits.test;
  const measure = holdoutSize < testSize ? part(holdoutSize, testSize) : splits.test;
  const triggeredMeasure = poisoned?.triggeredTest?.subarray(
    (holdoutSize < testSize ? holdoutSize : 0) * exampleSize(splits.test),
  );
  const attack = poisoned && { ...poisoned, ...(triggeredMeasure ? { triggeredMeasure } : {}) };
  const trainSet = poisoned?.train ?? splits.train;

  const models = new Map<string, Classifier>();
  const sanitized = new Map<string, Sanitized>();
  let trainings = 0;
  let written: WrittenArtifact[] = [];
  const freshModel = (config: CellConfig) =>
    Classifier.create(config.model, {
      inputShape: trainSet.exampleShape,
      classes: trainSet.classes,
      seed: config.seed,
    });
  const trainedModel = async (key: string, data: Dataset, config: CellConfig): Promise<Classifier> => {
    const cached = models.get(key);
    if (cached) return cached;
    const dir = artifactPath(job.artifactDir, "trained-model", key);
    let model: Classifier;
    if (keptArtifactExists(job.artifactDir, "trained-model", key)) model = (await loadClassifier(dir)).classifier;
    else {
      model = freshModel(config);
      const fitted = model.fit(data, config.train, { seed: config.seed, where: "train" });
      trainings++;
      const sha256 = await saveClassifier(model, dir);
      const bytes = (await stat(join(dir, "weights.bin"))).size + (await stat(join(dir, "model.json"))).size;
      // The training curve travels with the model: every cell evaluated on it shows the same one.
      const meta = { history: fitted.history, epochsRun: fitted.epochsRun, stoppedEarly: fitted.stoppedEarly };
      written.push({ key, kind: "trained-model", path: join("trained-model", key), bytes, sha256, meta });
    }
    models.set(key, model);
    return model;
  };
  const sanitize = async (key: string, config: CellConfig): Promise<Sanitized> => {
    const done = sanitized.get(key);
    if (done) return done;
    const node = job.nodes[key];
    if (!node) throw new Error(`artifact ${key} is not in the plan`);
    const defense = node.spec.defense as NamedConfig;
    const plugin = defenses.get(defense.name);
    const comparedKey = node.inputs.find((k) => job.nodes[k]?.kind === "sanitized-data");
    const modelKey = node.inputs.find((k) => job.nodes[k]?.kind === "trained-model");
    const result = sanitizeDataset(defense, {
      train: trainSet,
      seed: config.seed,
      expectedPoisonRate: config.rate > 0 ? config.rate : undefined,
      ...(modelKey ? { model: await trainedModel(modelKey, trainSet, config) } : {}),
      ...(plugin.needs.includes("poison-mask")
        ? { mask: poisoned?.mask ?? new Uint8Array(trainSet.labels.length) }
        : {}),
      ...(comparedKey ? { removalCount: count((await sanitize(comparedKey, config)).removed) } : {}),
      ...(plugin.needs.includes("retrain")
        ? {
            retrain: (data: Dataset) => {
              const m = freshModel(config);
              m.fit(data, config.train, { seed: config.seed, where: "train" });
              return m;
            },
          }
        : {}),
    });
    sanitized.set(key, result);
    return result;
  };

  for (const cell of job.cells) {
    const startedAt = cellStartedAt;
    trainings = 0;
    written = poisonWritten.splice(0);
    const provenance = () => ({
      host: hostname(),
      pid: process.pid,
      worker: job.workerId,
      thread: threadId,
      backend: activeBackendInfo(),
      node: process.version,
      peakRssKb: process.resourceUsage().maxRSS,
      seed: cell.config.seed,
    });
    try {
      if (poisonError) throw poisonError;
      // What the attack's own optimization reached (e.g. the attacker's validation loss) goes with
      // every cell it poisoned, as attack.<name>.
      const metrics = { ...prefixed("attack", poisoned?.diagnostics), ...(await cellMetrics(cell)) };
      onCell({
        identity: cell.identity,
        status: "finished",
        metrics,
        startedAt,
        finishedAt: Date.now(),
        provenance: provenance(),
        trainings,
        artifacts: written,
      });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      onCell({
        identity: cell.identity,
        status: "failed",
        // With the hint, so the store says what to do (e.g. delete a corrupt artifact).
        error: errorText(e),
        ...(e.stack ? { stack: e.stack } : {}),
        startedAt,
        finishedAt: Date.now(),
        provenance: provenance(),
        trainings,
        artifacts: written,
      });
    }
    cellStartedAt = Date.now();
  }
  for (const m of models.values()) m.dispose();

  async function cellMetrics({ config, chain }: GroupCell): Promise<MetricValues> {
    const poisonedKey = chain[0] as string;
    const trainedKey = chain.find(
      (k) => job.nodes[k]?.kind === "trained-model" && job.nodes[k]?.inputs[0] === poisonedKey,
    );
    return defenseKindOf(config.defense.name).measure({
      config,
      chain,
      kindOf: (key) => job.nodes[key]?.kind,
      poisoned,
      trainSet,
      measure,
      holdout,
      triggeredMeasure,
      poisonedModel: () => trainedModel(trainedKey as string, trainSet, config),
      trainedModel: (key, data) => trainedModel(key, data, config),
      sanitized: (key) => sanitize(key, config),
      predictions: (m) => predictionMetrics((x) => m.predict(x), measure, attack, splits.test),
    });
  }
}
