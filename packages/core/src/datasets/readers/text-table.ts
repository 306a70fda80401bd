/**
 * Reads delimited text tables (the sklearn CSVs, UCI Adult and Spambase): one record per
 * non-empty line, fields split on the delimiter and trimmed. The files are plain numeric or
 * unquoted categorical tables, so no quoting rules are needed.
 */
import { gunzipSync } from "node:zlib";

export function readTable(bytes: Uint8Array, options: { gzipped?: boolean; delimiter?: string } = {}): string[][] {
  const text = (options.gzipped ? gunzipSync(bytes) : Buffer.from(bytes)).toString("utf8");
  const delimiter = options.delimiter ?? ",";
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(delimiter).map((field) => field.trim()));
}

/** Parses a field as a number, naming the file, row and column if it is not one. */
export function numberAt(rows: string[][], row: number, column: number, file: string): number {
  const field = rows[row]?.[column];
  const value = field === undefined || field === "" ? Number.NaN : Number(field);
  if (Number.isNaN(value)) {
    throw new Error(`${file}: row ${row + 1}, column ${column + 1}: expected a number, got ${JSON.stringify(field)}`);
  }
  return value;
}

/**
 * Reads rows of `features` numbers followed by an integer label (the layout of the sklearn CSVs
 * and Spambase) into example-major features, each multiplied by `scale`, and labels.
 */
export function featuresThenLabel(
  rows: string[][],
  features: number,
  file: string,
  alloc: { float32(n: number): Float32Array; int32(n: number): Int32Array },
  scale = 1,
): { x: Float32Array; labels: Int32Array } {
  const x = alloc.float32(rows.length * features);
  const labels = alloc.int32(rows.length);
  for (let i = 0; i < rows.length; i++) {
    for (let f = 0; f < features; f++) x[i * features + f] = numberAt(rows, i, f, file) * scale;
    labels[i] = numberAt(rows, i, features, file);
  }
  return { x, labels };
}
