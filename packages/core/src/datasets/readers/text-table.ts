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
