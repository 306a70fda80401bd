/**
 * Resolves expanded cells against the plugin registries: every dataset, model, attack and
 * defense named is looked up ("did you mean" for a typo) and its parameters validated with
 * defaults filled in, the training configuration likewise, and each defense checked against the
 * model it would run with. The result is each cell's fully resolved configuration, the input to
 * its identity. Problems are gathered over the whole grid and reported together, each at the
 * file position of the value that caused it.
 */
import {
  attacks,
  canonicalJson,
  checkDefenseFits,
  datasets,
  defenses,
  errorText,
  genericDatasetParams,
  HemlockError,
  isHemlockError,
  models,
  parseParams,
  trainConfigSchema,
} from "@hemlock/core";
import type { z } from "zod";
import type { Axis } from "../experiment-file/experiment-spec.js";
import type { ParsedExperiment } from "../experiment-file/parse-experiment.js";
import { formatPath, type SpecPath, specProblem } from "../experiment-file/spec-source.js";
import type { AxisChoice, RawCell } from "./expand-grid.js";

export type NamedConfig = { name: string } & Record<string, unknown>;

/** A cell's configuration with every default filled in: what its identity hashes. */
export interface CellConfig {
  dataset: NamedConfig;
  model: NamedConfig;
  train: Record<string, unknown>;
  /** null trains on clean data (rate 0). */
  attack: NamedConfig | null;
  rate: number;
  defense: NamedConfig;
  seed: number;
  /** Clean test examples the defender holds (taken from the start of the test split). */
  holdout: number;
}

/** What planning knows of a dataset once it is loaded, for checks that need the data's shape. */
export interface DatasetFacts {
  name: string;
  domain: "image" | "tabular";
  exampleShape: number[];
  classes: number;
  testSize: number;
}

export function resolveCells(
  parsed: ParsedExperiment,
  raw: RawCell[],
  facts?: (dataset: NamedConfig) => DatasetFacts | undefined,
): CellConfig[] {
  const problems = new Set<string>();
  const memo = new Map<string, NamedConfig | Record<string, unknown> | undefined>();
  const resolveAxis = (axis: Axis, choice: AxisChoice | undefined) => {
    if (choice === undefined) return undefined;
    const key = JSON.stringify([axis, choice.path, choice.value]);
    if (!memo.has(key)) {
      try {
        memo.set(key, resolveValue(axis, choice.value, formatPath(choice.path) || axis));
      } catch (error) {
        if (!isHemlockError(error)) throw error;
        for (const line of error.message.split("\n")) problems.add(locateProblem(parsed, choice, line));
        memo.set(key, undefined);
      }
    }
    return memo.get(key);
  };
  const cells: CellConfig[] = [];
  for (const cell of raw) {
    const dataset = resolveAxis("dataset", cell.dataset) as NamedConfig | undefined;
    const model = resolveAxis("model", cell.model) as NamedConfig | undefined;
    const train = resolveAxis("train", cell.train);
    // "none" on the attack axis is clean training (rate 0), like leaving the attack out.
    const attackChoice = cell.attack && !isNoAttack(cell.attack.value) ? cell.attack : undefined;
    const attack = resolveAxis("attack", attackChoice) as NamedConfig | undefined;
    const defense = resolveAxis("defense", cell.defense) as NamedConfig | undefined;
    if (!dataset || !model || !train || !defense || (attackChoice && !attack)) continue;
    if (cell.defense) {
      try {
        checkDefenseFits(defenses.get(defense.name), models.get(model.name), `${defense.name} with ${model.name}`);
        const rate = attack ? (cell.rate?.value as number) : 0;
        for (const d of [defense, defense.compare as NamedConfig | undefined])
          if (d && rate === 0 && d.epsilon === undefined && defenses.get(d.name).needs.includes("expected-rate"))
            throw new HemlockError(
              "INVALID_PARAMS",
              `${d.name} removes a share sized by the poisoning rate it assumes, and this cell's rate is 0; give it epsilon (e.g. {name: ${d.name}, epsilon: 0.1}) so clean cells run the same defense as poisoned ones`,
            );
        const compared = defense.compare as NamedConfig | undefined;
        if (compared)
          checkDefenseFits(defenses.get(compared.name), models.get(model.name), `${compared.name} with ${model.name}`);
      } catch (error) {
        if (!isHemlockError(error)) throw error;
        problems.add(specProblem(parsed.source, cell.defense.path, errorText(error)));
        continue;
      }
    }
    const known = facts?.(dataset);
    if (known) {
      const before = problems.size;
      for (const [path, problem] of fitProblems(
        known,
        model,
        attack,
        defense,
        parsed.spec.holdout.size,
        attackChoice ? cell : { ...cell, attack: undefined },
      ))
        problems.add(specProblem(parsed.source, path, problem));
      if (problems.size > before) continue;
    }
    cells.push({
      dataset,
      model,
      train,
      attack: attack ?? null,
      rate: attack ? (cell.rate?.value as number) : 0,
      defense,
      seed: cell.seed,
      holdout: parsed.spec.holdout.size,
    });
  }
  if (problems.size > 0)
    throw new HemlockError(
      "INVALID_SPEC",
      [...problems].join("\n"),
      `Fix ${parsed.source.file}; \`hemlock attacks\`, \`hemlock defenses\` and \`hemlock data list\` list what exists.`,
    );
  // A clean ("none") attack crossed with several rates gives one clean cell, not one per rate.
  const seen = new Set<string>();
  return cells.filter((c) => {
    const key = canonicalJson(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isNoAttack(value: unknown): boolean {
  return (
    value === "none" ||
    (typeof value === "object" &&
      value !== null &&
      (value as { name?: unknown }).name === "none" &&
      Object.keys(value).length === 1)
  );
}

/** What the loaded dataset rules out: wrong domains, input shapes, target labels, holdout sizes. */
function fitProblems(
  data: DatasetFacts,
  model: NamedConfig,
  attack: NamedConfig | undefined,
  defense: NamedConfig,
  holdout: number,
  cell: RawCell,
): [SpecPath, string][] {
  const out: [SpecPath, string][] = [];
  const refused = models.get(model.name).accepts?.(data.exampleShape);
  if (refused) out.push([cell.model?.path ?? ["model"], `${model.name} cannot take ${data.name}: ${refused}`]);
  if (attack && cell.attack) {
    const plugin = attacks.get(attack.name);
    if (!plugin.domains.includes(data.domain))
      out.push([
        cell.attack.path,
        `${attack.name} works on ${plugin.domains.join(" or ")} data; ${data.name} is ${data.domain}`,
      ]);
    if (typeof attack.target === "number" && attack.target >= data.classes)
      out.push([
        [...cell.attack.path, "target"],
        `${data.name} has classes 0..${data.classes - 1}, got ${attack.target}`,
      ]);
  }
  const plugin = defenses.get(defense.name);
  const domains = plugin.domains;
  if (domains && !domains.includes(data.domain))
    out.push([
      cell.defense?.path ?? ["defense"],
      `${defense.name} works on ${domains.join(" or ")} data; ${data.name} is ${data.domain}`,
    ]);
  const { name: _, ...params } = defense;
  const fewest = plugin.minHoldout?.(params as never) ?? 0;
  if (holdout === 0 && plugin.needs.includes("clean-holdout"))
    out.push([
      ["holdout", "size"],
      `${defense.name} needs a clean holdout; holdout.size is 0 (defaults to 1000 when not given)`,
    ]);
  else if (holdout < fewest)
    out.push([
      cell.defense?.path ?? ["defense"],
      `${defense.name} with these parameters needs at least ${fewest} clean holdout examples; holdout.size is ${holdout}`,
    ]);
  if (holdout >= data.testSize)
    out.push([
      ["holdout", "size"],
      `${holdout} held examples leave none of ${data.name}'s ${data.testSize} test examples to measure on`,
    ]);
  return out;
}

function resolveValue(axis: Axis, value: unknown, where: string): NamedConfig | Record<string, unknown> {
  if (axis === "train") return parseParams(trainConfigSchema, value, where) as Record<string, unknown>;
  if (axis === "defense") return resolveDefenseConfig(value, where);
  const { name, ...rest } = (typeof value === "string" ? { name: value } : value) as NamedConfig;
  const schema = ((): z.ZodObject => {
    switch (axis) {
      case "dataset":
        return datasets.get(name, `${where}.name`).params.extend(genericDatasetParams).strict();
      case "model":
        return models.get(name, `${where}.name`).params;
      case "attack":
        return attacks.get(name, `${where}.name`).params;
      default:
        throw new Error(`no registry for axis ${axis}`);
    }
  })();
  return { name, ...(parseParams(schema, rest, where) as Record<string, unknown>) };
}

/**
 * A defense's config. A control sized by another defense (random-filter) must say how many it
 * removes: its own count, or the sanitizing defense it is compared with (resolved too, so that
 * defense's artifacts are shared).
 */
function resolveDefenseConfig(value: unknown, where: string): NamedConfig {
  const { name, ...rest } = (typeof value === "string" ? { name: value } : value) as NamedConfig;
  const plugin = defenses.get(name, `${where}.name`);
  const params = parseParams(plugin.params, rest, where) as Record<string, unknown>;
  const config: NamedConfig = { name, ...params };
  const source = plugin.kind === "sanitize" ? plugin.removalCountFrom : undefined;
  if (!source?.needed(params as never)) return config;
  if (config[source.param] === undefined)
    throw new HemlockError(
      "INVALID_PARAMS",
      `${where}: ${name} removes as many examples as another defense; ${source.missing}`,
    );
  const compare = resolveDefenseConfig(config[source.param], `${where}.${source.param}`);
  const compared = defenses.get(compare.name);
  const problem =
    compared.kind !== "sanitize"
      ? `a ${compared.kind} defense`
      : compared.removalCountFrom
        ? compare.name === name
          ? "the control itself"
          : "itself sized by another defense"
        : undefined;
  if (problem !== undefined)
    throw new HemlockError(
      "INVALID_PARAMS",
      `${where}.${source.param}: ${name} copies the removal count of a sanitizing defense; ${compare.name} is ${problem}`,
    );
  return { ...config, [source.param]: compare };
}

/**
 * Core errors start with the `where` they were given (the value's path), perhaps followed by a
 * field inside it (`grid.attack[1].alpha: expected ...`): the problem is placed at that field.
 */
function locateProblem(parsed: ParsedExperiment, choice: AxisChoice, line: string): string {
  const where = formatPath(choice.path);
  const rest = where !== "" && line.startsWith(where) ? line.slice(where.length) : line;
  const field = /^\.?([A-Za-z_$][\w$]*(?:\.[\w$]+)*): (.*)$/s.exec(rest);
  if (field?.[1] && field[2] !== undefined) {
    const keys = field[1].split(".").map((key) => (/^\d+$/.test(key) ? Number(key) : key));
    return specProblem(parsed.source, [...choice.path, ...keys], field[2]);
  }
  return specProblem(parsed.source, choice.path, rest.replace(/^: /, ""));
}
