/**
 * Display labels for an experiment's axis values: the plugin's name, plus the parameters that
 * tell it apart from other values of the same plugin in the experiment ("blended alpha=0.1"),
 * so the store's dataset, model, attack and defense columns name what varies and nothing else.
 * The model's label carries the training configuration and the defense's the defender's holdout,
 * so a grid over epochs or holdout sizes is not pooled into one leaderboard row.
 */
import { canonicalJson } from "@hemlock/core";
import type { CellConfig } from "./resolve-cells.js";

export interface AxisLabels {
  dataset: string;
  model: string;
  /** "none" for clean cells. */
  attack: string;
  defense: string;
}

type Named = { name: string } & Record<string, unknown>;

const AXES: Record<keyof AxisLabels, (c: CellConfig) => Named | null> = {
  dataset: (c) => c.dataset,
  model: (c) => ({ ...c.model, train: c.train }),
  attack: (c) => c.attack,
  defense: (c) => ({ ...c.defense, holdout: c.holdout }),
};

/** The labels of every cell, in order. */
export function axisLabels(configs: readonly CellConfig[]): AxisLabels[] {
  const labellers = Object.fromEntries(
    Object.entries(AXES).map(([axis, pick]) => [axis, labeller(configs.map(pick))]),
  ) as Record<keyof AxisLabels, (value: Named | null) => string>;
  return configs.map((c) =>
    Object.fromEntries(
      Object.entries(AXES).map(([axis, pick]) => [axis, labellers[axis as keyof AxisLabels](pick(c))]),
    ),
  ) as unknown as AxisLabels[];
}

/** Labels values by name plus the flattened parameters whose values differ among same-named values. */
function labeller(values: readonly (Named | null)[]): (value: Named | null) => string {
  const byName = new Map<string, Map<string, Map<string, string>>>();
  for (const v of values) {
    if (v === null) continue;
    const distinct = byName.get(v.name) ?? new Map<string, Map<string, string>>();
    distinct.set(canonicalJson(v), flatten(v));
    byName.set(v.name, distinct);
  }
  const varying = new Map<string, string[]>();
  for (const [name, distinct] of byName) {
    const flats = [...distinct.values()];
    const paths = [...new Set(flats.flatMap((f) => [...f.keys()]))].sort();
    varying.set(
      name,
      paths.filter((p) => new Set(flats.map((f) => f.get(p) ?? "(unset)")).size > 1),
    );
  }
  return (value) => {
    if (value === null) return "none";
    const flat = flatten(value);
    const parts = (varying.get(value.name) ?? []).map((p) => `${p}=${flat.get(p) ?? "(unset)"}`);
    return [value.name, ...parts].join(" ");
  };
}

/** Leaf values by dotted path (arrays are leaves), without the name itself. */
function flatten(value: Record<string, unknown>, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, v] of Object.entries(value)) {
    if (prefix === "" && key === "name") continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) flatten(v as Record<string, unknown>, path, out);
    else out.set(path, typeof v === "string" ? v : canonicalJson(v));
  }
  return out;
}
