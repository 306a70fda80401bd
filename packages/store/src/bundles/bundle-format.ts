/**
 * The bundle format that carries one experiment's results between stores (teams): its spec, and
 * every finished or failed cell with its resolved config, labels, provenance, error and metrics.
 * Each cell carries the sha256 of its canonical JSON, and the bundle the sha256 of the spec and of
 * the cells' checksums in order, so a damaged or edited bundle is refused naming what changed.
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "@hemlock/core/portable";
import { z } from "zod";

export const BUNDLE_FORMAT = "hemlock-bundle";
export const BUNDLE_VERSION = 1;

const metricSchema = z.object({ name: z.string(), value: z.number().nullable(), specVersion: z.string() });

export const bundledCellSchema = z.object({
  identity: z.string().min(1),
  config: z.unknown(),
  dataset: z.string(),
  model: z.string(),
  attack: z.string(),
  rate: z.number(),
  defense: z.string(),
  seed: z.number().int(),
  setting: z.string(),
  comparison: z.string(),
  chain: z.array(z.string()),
  status: z.enum(["finished", "failed"]),
  attempts: z.number().int(),
  provenance: z.unknown(),
  error: z.string().nullable(),
  stack: z.string().nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  wallMs: z.number().nullable(),
  metrics: z.array(metricSchema),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BundledCell = z.infer<typeof bundledCellSchema>;

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.string(),
  experiment: z.object({ name: z.string().min(1), specText: z.string(), specHash: z.string() }),
  cells: z.array(bundledCellSchema),
  checksums: z.object({ experiment: z.string(), cells: z.string() }),
});
export type Bundle = z.infer<typeof bundleSchema>;

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A cell's checksum: of its canonical JSON without the checksum itself. */
export function cellChecksum(cell: Omit<BundledCell, "sha256"> & { sha256?: string }): string {
  const { sha256: _, ...content } = cell;
  return sha256(canonicalJson(content));
}

export function bundleChecksums(experiment: Bundle["experiment"], cells: readonly BundledCell[]): Bundle["checksums"] {
  return { experiment: sha256(canonicalJson(experiment)), cells: sha256(cells.map((c) => c.sha256).join("\n")) };
}
