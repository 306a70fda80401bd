/**
 * A poisoned dataset as an artifact on disk, so that a later run (a new defense added to an old
 * grid, a rerun after a crash) reads the poisons back instead of crafting them again, which for
 * optimized attacks is most of a cell's cost.
 *
 * A backdoor's trigger is a function, so what is kept is what it does: the whole test split with
 * the trigger applied, which the metrics take in place of the function (TriggerSource). The
 * poisoned training set and the triggered test split are both stored as differences from the
 * clean splits, which the artifact's key already pins (by the dataset checksums): the rows that
 * changed, or the single values when fewer bytes say it (a 3x3 patch changes 9 of 784 pixels).
 * A label-flip artifact is therefore labels and a mask; a patch backdoor on MNIST a few hundred
 * kilobytes, not a copy of the dataset. Files are written atomically and checked by sha256.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Dataset } from "../datasets/dataset.js";
import { exampleSize } from "../datasets/labeled-arrays.js";
import { HemlockError } from "../errors.js";
import { writeFilesInOrder } from "../files/write-files-in-order.js";
import type { PoisonResult } from "./define-attack.js";
import type { PoisonSemantics } from "./poison-semantics.js";
import { triggeredRows } from "./triggered-rows.js";

/** A poisoned dataset in the form that can be kept: a PoisonResult with its trigger applied. */
export interface PoisonedData {
  train: Dataset;
  /** mask[i] = 1 where training example i is poisoned (appended copies included). */
  mask: Uint8Array;
  semantics: PoisonSemantics;
  targets?: { indices: Int32Array; intendedLabels: Int32Array };
  diagnostics?: Record<string, number>;
  /** For backdoors: the whole test split with the trigger applied, row-aligned with it. */
  triggeredTest?: Float32Array;
}

const FORMAT = "hemlock-poisoned-data/1";
const MANIFEST = "poisoned.json";
const DATA = "poisoned.bin";

/** How one float array differs from its clean counterpart of the same length. */
type Difference =
  | { encoding: "rows"; rows: Int32Array; values: Float32Array }
  | { encoding: "values"; positions: Uint32Array; values: Float32Array };

interface Section {
  name: string;
  type: "int32" | "uint32" | "uint8" | "float32";
  offset: number;
  length: number;
}

interface Manifest {
  format: typeof FORMAT;
  dataset: string;
  exampleShape: number[];
  cleanTrainSize: number;
  trainSize: number;
  testSize: number;
  semantics: PoisonSemantics;
  diagnostics?: Record<string, number>;
  trainEncoding: Difference["encoding"];
  testEncoding?: Difference["encoding"];
  hasTargets: boolean;
  sections: Section[];
  sha256: string;
}

/** The PoisonResult an attack returned, with its trigger (if any) applied to the whole test split. */
export function toPoisonedData(result: PoisonResult, test: Dataset): PoisonedData {
  return {
    train: result.train,
    mask: result.mask,
    semantics: result.semantics,
    ...(result.targets ? { targets: result.targets } : {}),
    ...(result.diagnostics ? { diagnostics: result.diagnostics } : {}),
    ...(result.trigger ? { triggeredTest: triggeredRows(result.trigger, test) } : {}),
  };
}

/**
 * Writes `poisoned` into `dir` (created; files replaced atomically) as differences from `clean`,
 * and returns the data file's sha256 and the bytes written.
 */
export async function savePoisonedData(
  poisoned: PoisonedData,
  clean: { train: Dataset; test: Dataset },
  dir: string,
): Promise<{ sha256: string; bytes: number }> {
  const { train } = poisoned;
  const size = exampleSize(clean.train);
  if (exampleSize(train) !== size || train.classes !== clean.train.classes)
    throw new RangeError("a poisoned training set must keep the clean set's example shape and classes to be saved");
  const n = clean.train.labels.length;
  const total = train.labels.length;
  if (total < n) throw new RangeError(`the poisoned training set has ${total} examples, fewer than the clean ${n}`);
  const sections: [string, Int32Array | Uint32Array | Uint8Array | Float32Array][] = [
    ["labels", train.labels],
    ["mask", poisoned.mask],
  ];
  const trainDifference = difference(clean.train.x, train.x.subarray(0, n * size), size);
  sections.push(...differenceSections("train", trainDifference));
  sections.push(["appended", train.x.subarray(n * size)]);
  if (poisoned.targets)
    sections.push(["targetIndices", poisoned.targets.indices], ["intendedLabels", poisoned.targets.intendedLabels]);
  const testDifference = poisoned.triggeredTest ? difference(clean.test.x, poisoned.triggeredTest, size) : undefined;
  if (testDifference) sections.push(...differenceSections("test", testDifference));

  const { bytes, layout } = pack(sections);
  const manifest: Manifest = {
    format: FORMAT,
    dataset: clean.train.name,
    exampleShape: clean.train.exampleShape,
    cleanTrainSize: n,
    trainSize: total,
    testSize: clean.test.labels.length,
    semantics: poisoned.semantics,
    ...(poisoned.diagnostics ? { diagnostics: poisoned.diagnostics } : {}),
    trainEncoding: trainDifference.encoding,
    ...(testDifference ? { testEncoding: testDifference.encoding } : {}),
    hasTargets: poisoned.targets !== undefined,
    sections: layout,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
  // The manifest goes last: a directory with a manifest is complete.
  writeFilesInOrder(dir, [
    [DATA, bytes],
    [MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`],
  ]);
  return { sha256: manifest.sha256, bytes: bytes.length };
}

/** Whether `dir` holds a complete poisoned-data artifact (the manifest is written last). */
export function hasPoisonedData(dir: string): boolean {
  return existsSync(join(dir, MANIFEST));
}

/**
 * Reads a poisoned dataset saved by savePoisonedData, rebuilding it on `clean` (the splits it was
 * saved against; the sizes and shape are checked, the content is what the artifact key pins).
 */
export async function loadPoisonedData(dir: string, clean: { train: Dataset; test: Dataset }): Promise<PoisonedData> {
  const fail = (why: string) =>
    new HemlockError("ARTIFACT_FILE", `${dir}: ${why}`, "Delete the directory, and the next run rebuilds it.");
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST), "utf8")) as Manifest;
  } catch (error) {
    throw fail(`cannot read ${MANIFEST}: ${(error as Error).message}`);
  }
  if (manifest.format !== FORMAT) throw fail(`format ${String(manifest.format)}, expected ${FORMAT}`);
  const size = exampleSize(clean.train);
  const n = clean.train.labels.length;
  if (
    manifest.cleanTrainSize !== n ||
    manifest.testSize !== clean.test.labels.length ||
    manifest.exampleShape.join("x") !== clean.train.exampleShape.join("x")
  )
    throw fail(
      `saved against ${manifest.cleanTrainSize} training and ${manifest.testSize} test examples of shape ${manifest.exampleShape.join("x")}; the clean data has ${n} and ${clean.test.labels.length} of shape ${clean.train.exampleShape.join("x")}`,
    );
  const bytes = await readFile(join(dir, DATA));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== manifest.sha256) throw fail(`${DATA} has sha256 ${sha256}, the manifest says ${manifest.sha256}`);
  const section = unpack(bytes, manifest.sections);

  const total = manifest.trainSize;
  const x = new Float32Array(total * size);
  x.set(clean.train.x);
  applyDifference(x, readDifference("train", manifest.trainEncoding, section), size);
  x.set(section("appended") as Float32Array, n * size);
  let triggeredTest: Float32Array | undefined;
  if (manifest.testEncoding) {
    triggeredTest = Float32Array.from(clean.test.x);
    applyDifference(triggeredTest, readDifference("test", manifest.testEncoding, section), size);
  }
  return {
    train: { ...clean.train, x, labels: section("labels") as Int32Array },
    mask: section("mask") as Uint8Array,
    semantics: manifest.semantics,
    ...(manifest.hasTargets
      ? {
          targets: {
            indices: section("targetIndices") as Int32Array,
            intendedLabels: section("intendedLabels") as Int32Array,
          },
        }
      : {}),
    ...(manifest.diagnostics ? { diagnostics: manifest.diagnostics } : {}),
    ...(triggeredTest ? { triggeredTest } : {}),
  };
}

/**
 * The cheaper of two ways to say how `changed` differs from `clean` (bit for bit): whole rows,
 * or single values with their positions.
 */
export function difference(clean: Float32Array, changed: Float32Array, size: number): Difference {
  if (clean.length !== changed.length) throw new RangeError("difference: arrays of different lengths");
  const a = new Uint32Array(clean.buffer, clean.byteOffset, clean.length);
  const b = new Uint32Array(changed.buffer, changed.byteOffset, changed.length);
  const rows: number[] = [];
  let values = 0;
  for (let row = 0; row * size < a.length; row++) {
    let changedHere = 0;
    for (let i = row * size, end = i + size; i < end; i++) if (a[i] !== b[i]) changedHere++;
    if (changedHere > 0) rows.push(row);
    values += changedHere;
  }
  // A position is a uint32, so very large splits fall back to rows.
  const byValues = values * 8;
  const byRows = rows.length * (4 + size * 4);
  if (byValues < byRows && a.length <= 0xffffffff) {
    const positions = new Uint32Array(values);
    const out = new Float32Array(values);
    let k = 0;
    for (const row of rows)
      for (let i = row * size, end = i + size; i < end; i++)
        if (a[i] !== b[i]) {
          positions[k] = i;
          out[k++] = changed[i] as number;
        }
    return { encoding: "values", positions, values: out };
  }
  const out = new Float32Array(rows.length * size);
  rows.forEach((row, k) => {
    out.set(changed.subarray(row * size, (row + 1) * size), k * size);
  });
  return { encoding: "rows", rows: Int32Array.from(rows), values: out };
}

/** Writes a difference into a copy of the clean array. */
export function applyDifference(target: Float32Array, d: Difference, size: number): void {
  if (d.encoding === "values")
    for (let k = 0; k < d.positions.length; k++) target[d.positions[k] as number] = d.values[k] as number;
  else
    for (let k = 0; k < d.rows.length; k++)
      target.set(d.values.subarray(k * size, (k + 1) * size), (d.rows[k] as number) * size);
}

function differenceSections(prefix: string, d: Difference): [string, Int32Array | Uint32Array | Float32Array][] {
  return d.encoding === "values"
    ? [
        [`${prefix}Positions`, d.positions],
        [`${prefix}Values`, d.values],
      ]
    : [
        [`${prefix}Rows`, d.rows],
        [`${prefix}Values`, d.values],
      ];
}

function readDifference(
  prefix: string,
  encoding: Difference["encoding"],
  section: (name: string) => ArrayLike<number>,
): Difference {
  const values = section(`${prefix}Values`) as Float32Array;
  return encoding === "values"
    ? { encoding, positions: section(`${prefix}Positions`) as Uint32Array, values }
    : { encoding, rows: section(`${prefix}Rows`) as Int32Array, values };
}

const TYPES = { int32: Int32Array, uint32: Uint32Array, uint8: Uint8Array, float32: Float32Array } as const;

function typeOf(a: Int32Array | Uint32Array | Uint8Array | Float32Array): Section["type"] {
  if (a instanceof Int32Array) return "int32";
  if (a instanceof Uint32Array) return "uint32";
  if (a instanceof Uint8Array) return "uint8";
  return "float32";
}

/** Lays the sections end to end (little-endian, each 8-byte aligned) in one buffer. */
function pack(sections: [string, Int32Array | Uint32Array | Uint8Array | Float32Array][]): {
  bytes: Uint8Array;
  layout: Section[];
} {
  const layout: Section[] = [];
  let offset = 0;
  for (const [name, array] of sections) {
    layout.push({ name, type: typeOf(array), offset, length: array.length });
    offset += Math.ceil(array.byteLength / 8) * 8;
  }
  const bytes = new Uint8Array(offset);
  sections.forEach(([, array], i) => {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), (layout[i] as Section).offset);
  });
  return { bytes, layout };
}

/** A reader of the named sections of a packed buffer; each is copied into its own aligned array. */
function unpack(bytes: Uint8Array, layout: Section[]): (name: string) => ArrayLike<number> {
  return (name) => {
    const s = layout.find((entry) => entry.name === name);
    if (!s) throw new HemlockError("ARTIFACT_FILE", `poisoned-data file has no section ${name}`);
    const Type = TYPES[s.type];
    const out = new Type(s.length);
    new Uint8Array(out.buffer).set(bytes.subarray(s.offset, s.offset + out.byteLength));
    return out;
  };
}
