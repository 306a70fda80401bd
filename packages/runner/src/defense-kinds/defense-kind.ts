/**
 * What a defense kind means to the runner, as one table entry per kind (the way tfjs-core's
 * kernel registry says what a kernel is): which artifacts a cell of that kind needs and produces
 * past its poisoned data, and how its metrics are computed from them. The planner and the worker
 * both read the entry, so a new kind is one entry in defense-kind-table.ts and no branch
 * anywhere else; defenses of a kind, the controls included, are ordinary registry entries.
 */
import type { Classifier, Dataset, PoisonedData, Sanitized } from "@hemlock/core";
import type { CellConfig, NamedConfig } from "../cells/resolve-cells.js";
import type { MetricValues } from "./cell-metrics.js";

/** What planning offers an entry: each call adds its artifact to the cell's chain, once. */
export interface KindPlanning {
  config: CellConfig;
  /** The poisoned data's key (clean data for a clean cell). */
  poisoned: string;
  /** The cell's model trained on the poisoned data (the model an undefended user would ship). */
  poisonedModel(): string;
  /** The cell's model, trained on the given data. */
  trainOn(data: string): string;
  /** The sanitized set a sanitizing defense makes, after those it reads (its compared defense). */
  sanitized(defense: NamedConfig): string;
  /** The artifact a defense makes from its inputs: a defended predictor, a repaired model, a detector. */
  defended(inputs: string[], spec: Record<string, unknown>): string;
}

/** What a worker offers an entry when it measures one cell; models and sets are built once per group. */
export interface KindMeasurement {
  config: CellConfig;
  /** The cell's artifacts, dependencies first, ending with its metrics. */
  chain: string[];
  /** The kind of each artifact the chain names. */
  kindOf(key: string): string | undefined;
  /** The poisoned data (undefined for a clean cell) and the set the models train on. */
  poisoned: PoisonedData | undefined;
  trainSet: Dataset;
  /** The test split less the defender's holdout, where every metric is measured. */
  measure: Dataset;
  /** The clean test examples the defender holds. */
  holdout: Dataset;
  /** The measurement split's rows of the triggered test split, for a backdoor. */
  triggeredMeasure: Float32Array | undefined;
  poisonedModel(): Promise<Classifier>;
  trainedModel(key: string, data: Dataset): Promise<Classifier>;
  sanitized(key: string): Promise<Sanitized>;
  /** Clean accuracy, and the attack's own metrics, of a predictor on the measurement split. */
  predictions(model: { predict: Classifier["predict"] }): MetricValues;
}

export interface DefenseKindEntry {
  /** Adds the kind's artifacts to the cell's plan; returns the key the metrics are computed from. */
  plan(planning: KindPlanning): string;
  /** The cell's metrics (besides the attack's own diagnostics, which every cell records). */
  measure(cell: KindMeasurement): Promise<MetricValues>;
}
