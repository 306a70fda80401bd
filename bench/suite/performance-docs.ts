/**
 * Writes a benchmark's table into docs/performance.md, between its `<!-- bench:NAME:start ... -->`
 * and `<!-- bench:NAME:end -->` markers, so a rerun replaces the figures and never the prose.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SMOKE } from "./smoke.js";

const DOCS = fileURLToPath(new URL("../../docs/performance.md", import.meta.url));

/**
 * Replaces the section `name` with `body` (lines without the markers) and returns the lines
 * written. A smoke run's tiny figures never reach the docs: it returns the lines only.
 */
export function writePerformanceSection(name: string, source: string, body: string[]): string[] {
  const open = `<!-- bench:${name}:start`;
  const close = `<!-- bench:${name}:end -->`;
  const lines = [`${open} (written by ${source}; do not edit by hand) -->`, "", ...body, "", close];
  if (SMOKE) return lines;
  const docs = readFileSync(DOCS, "utf8");
  const start = docs.indexOf(open);
  const end = docs.indexOf(close);
  if (start < 0 || end < 0) throw new Error(`${DOCS}: the bench:${name} markers are missing`);
  writeFileSync(DOCS, docs.slice(0, start) + lines.join("\n") + docs.slice(end + close.length));
  return lines;
}
