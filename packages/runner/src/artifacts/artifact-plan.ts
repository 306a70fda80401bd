/**
 * The execution DAG of a grid: content-addressed artifacts, each built once for every cell that
 * needs it. A cell's chain is
 *   poisoned data (dataset, attack, rate, seed)
 *   -> trained model (+ model, training config)
 *   -> what its defense makes of them, as its kind's entry in the defense-kind table says:
 *        baseline: nothing more (the trained model is measured);
 *        sanitize: the sanitized set (reusing the trained model when the defense reads it), then
 *                  a model retrained on it;
 *        train:    the defended predictor, trained in place of the plain model;
 *        repair:   a repaired copy of the trained model;
 *        detect-input: a detector fitted on the trained model;
 *   -> the cell's metrics.
 * Every key hashes its inputs' keys and its own configuration; the root also hashes the dataset
 * checksums, the code version and the backend, so a change to any of them is a different
 * artifact. Twelve defenses against one poisoned model therefore train it once.
 */
import { contentHash, defenses } from "@hemlock/core";
import type { CellConfig, NamedConfig } from "../cells/resolve-cells.js";
import { defenseKindOf } from "../defense-kinds/defense-kind-table.js";

export type ArtifactKind = "poisoned-data" | "trained-model" | "sanitized-data" | "defended" | "metrics";

export interface ArtifactNode {
  key: string;
  kind: ArtifactKind;
  /** Keys of the artifacts it is built from. */
  inputs: string[];
  /** What determines it besides its inputs (configuration, seed). */
  spec: Record<string, unknown>;
  /** How many cells need it. */
  cells: number;
}

export interface PlannedCell {
  /** The cell's identity: its resolved config, dataset checksums, code version and backend. */
  identity: string;
  config: CellConfig;
  /** The artifacts the cell needs, dependencies first, ending with its metrics. */
  chain: string[];
}

export interface PlanContext {
  /** The sha256 of every source file of each dataset, by the dataset config's hash. */
  datasetChecksums(dataset: NamedConfig): string[];
  code: { version: string; gitSha: string | null };
  backend: string;
}

export interface ArtifactPlan {
  cells: PlannedCell[];
  /** Every artifact once, in an order where inputs come first. */
  artifacts: ArtifactNode[];
}

export function planArtifacts(cells: CellConfig[], context: PlanContext): ArtifactPlan {
  const nodes = new Map<string, ArtifactNode>();
  const add = (kind: ArtifactKind, inputs: string[], spec: Record<string, unknown>): string => {
    const key = contentHash({ kind, inputs, spec });
    const node = nodes.get(key);
    if (node) node.cells++;
    else nodes.set(key, { key, kind, inputs, spec, cells: 1 });
    return key;
  };
  const planned = cells.map((config) => {
    const root = {
      dataset: config.dataset,
      checksums: context.datasetChecksums(config.dataset),
      code: context.code,
      backend: context.backend,
    };
    // Clean data does not depend on the seed, so clean cells of every seed share it, unless the
    // dataset itself is drawn with each cell's seed (subsetSeed: seed).
    const drawnPerSeed = config.dataset.subsetSeed === "seed";
    const poisoned = add("poisoned-data", [], {
      ...root,
      attack: config.attack,
      rate: config.rate,
      seed: config.attack || drawnPerSeed ? config.seed : null,
    });
    const chain: string[] = [poisoned];
    const push = (key: string) => {
      chain.push(key);
      return key;
    };
    let trained: string | undefined;
    const poisonedModel = () => {
      trained ??= push(train(poisoned));
      return trained;
    };
    const train = (data: string) =>
      add("trained-model", [data], { model: config.model, train: config.train, seed: config.seed });
    // A sanitized set: from the poisoned data, the trained model when the defense reads it, and
    // for a control sized by another defense (random-filter) that defense's set.
    const sanitized = (defense: NamedConfig): string => {
      const reads = defenses.get(defense.name).needs.includes("poisoned-model");
      const compared = comparedDefense(defense);
      const inputs = [poisoned, ...(reads ? [poisonedModel()] : []), ...(compared ? [sanitized(compared)] : [])];
      return push(add("sanitized-data", inputs, { defense, seed: config.seed }));
    };
    const final = defenseKindOf(config.defense.name).plan({
      config,
      poisoned,
      poisonedModel,
      trainOn: (data) => push(train(data)),
      sanitized,
      defended: (inputs, spec) => push(add("defended", inputs, spec)),
    });
    const identity = contentHash({ config, checksums: root.checksums, code: context.code, backend: context.backend });
    chain.push(add("metrics", [final], { cell: identity, holdout: config.holdout }));
    return { identity, config, chain };
  });
  return { cells: planned, artifacts: [...nodes.values()] };
}

/** The (resolved) defense a control copies its removal count from (random-filter's compare), if any. */
function comparedDefense(defense: NamedConfig): NamedConfig | undefined {
  const plugin = defenses.get(defense.name);
  const source = plugin.kind === "sanitize" ? plugin.removalCountFrom : undefined;
  if (!source?.needed(defense as never)) return undefined;
  return defense[source.param] as NamedConfig | undefined;
}
