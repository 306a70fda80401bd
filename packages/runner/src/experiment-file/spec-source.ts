/**
 * Reads an experiment file (YAML, or JSON, which YAML parses too) keeping every node's position,
 * so any problem found later, in the file's shape or in a plugin's parameters, is reported as
 * file:line:column, the field's path and what was expected.
 */
import { readFile } from "node:fs/promises";
import { HemlockError } from "@hemlock/core";
import { isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml";

export type SpecPath = (string | number)[];

export interface SpecSource {
  file: string;
  text: string;
  /** The parsed value (plain JS). */
  value: unknown;
  locate(path: SpecPath): { line: number; column: number };
}

/** `grid.attack[1].alpha` from ["grid", "attack", 1, "alpha"]. */
export function formatPath(path: SpecPath): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out === "" ? key : `${out}.${key}`),
    "",
  );
}

export function parseSpecText(text: string, file: string): SpecSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = document.errors[0];
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new HemlockError("INVALID_SPEC", `${file}:${line}:${col}: not valid YAML: ${first.message.split("\n")[0]}`);
  }
  const value = document.toJS() as unknown;
  return {
    file,
    text,
    value,
    locate(path) {
      // The deepest node the path reaches; a missing field points at its parent.
      let node: unknown = document.contents;
      let offset = (document.contents as Node | null)?.range?.[0] ?? 0;
      for (const key of path) {
        const next = isMap(node)
          ? node.items.find((pair) => (pair.key as { value?: unknown } | null)?.value === key)
          : undefined;
        if (next) {
          offset = (next.key as Node).range?.[0] ?? offset;
          node = next.value;
          continue;
        }
        if (isSeq(node) && typeof key === "number" && node.items[key]) {
          node = node.items[key];
          offset = (node as Node).range?.[0] ?? offset;
          continue;
        }
        break;
      }
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    },
  };
}

export async function readSpecFile(file: string): Promise<SpecSource> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new HemlockError(
      "INVALID_SPEC",
      `${file}: cannot read the experiment file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  return parseSpecText(text, file);
}

/** `file:line:col path: message`, the form every spec error takes. */
export function specProblem(source: SpecSource, path: SpecPath, message: string): string {
  const { line, column } = source.locate(path);
  const field = formatPath(path);
  return `${source.file}:${line}:${column}: ${field === "" ? "" : `${field}: `}${message}`;
}
