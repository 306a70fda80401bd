/**
 * Records of one shape as they travel to the browser: each string listed once and referred to by
 * index, each record an array of its values in a fixed key order. A page's props are serialized
 * twice (the HTML and the data React hydrates from), so over a 100k-cell store this keeps a
 * page's many rows (a heatmap's, a comparison's) a fraction of their size as objects.
 */
type Value = string | number | boolean | null;

export interface PackedRecords {
  keys: string[];
  /** The keys whose values are strings (indexes into strings). */
  stringKeys: string[];
  strings: string[];
  rows: (number | boolean | null)[][];
}

export function packRecords<T extends { [K in keyof T]: Value }>(
  records: readonly T[],
  keys: (keyof T & string)[],
): PackedRecords {
  const stringKeys = keys.filter((k) => records.some((r) => typeof r[k] === "string"));
  const { strings, s } = stringTable();
  const isString = new Set<string>(stringKeys);
  const rows = records.map((r) =>
    keys.map((k) => {
      const v = r[k] as Value;
      return isString.has(k) ? s(String(v)) : (v as number | boolean | null);
    }),
  );
  return { keys, stringKeys, strings, rows };
}

/** Strings listed once: s(text) is text's index in strings, added the first time it is seen. */
export function stringTable(): { strings: string[]; s: (text: string) => number } {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (text: string) => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      index.set(text, i);
    }
    return i;
  };
  return { strings, s };
}

export function unpackRecords<T>(packed: PackedRecords): T[] {
  const isString = packed.keys.map((k) => packed.stringKeys.includes(k));
  return packed.rows.map(
    (row) =>
      Object.fromEntries(packed.keys.map((k, i) => [k, isString[i] ? packed.strings[row[i] as number] : row[i]])) as T,
  );
}
