/**
 * Which planned artifacts are already built. The kinds a run keeps on disk (an attack's poisoned
 * data, a trained model) are built once their files are there; clean data is loaded, never
 * built; the rest (sanitized sets, defended models, metrics) live in memory for one run, so they
 * are built whenever a cell that needs them runs.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { hasPoisonedData } from "@hemlock/core";
import type { ArtifactKind, ArtifactNode } from "./artifact-plan.js";

type KeptKind = Extract<ArtifactKind, "poisoned-data" | "trained-model">;

/** The directory of a kept artifact under the store's artifact directory. */
export function artifactPath(artifactDir: string, kind: KeptKind, key: string): string {
  return join(artifactDir, kind, key);
}

/** Whether a kept artifact's files are complete (each kind writes its manifest last). */
export function keptArtifactExists(artifactDir: string, kind: KeptKind, key: string): boolean {
  const dir = artifactPath(artifactDir, kind, key);
  return kind === "poisoned-data" ? hasPoisonedData(dir) : existsSync(join(dir, "hemlock.json"));
}

export function isArtifactBuilt(artifactDir: string, node: Pick<ArtifactNode, "kind" | "key" | "spec">): boolean {
  if (node.kind === "poisoned-data" && node.spec.attack === undefined) return true;
  if (node.kind === "poisoned-data" || node.kind === "trained-model")
    return keptArtifactExists(artifactDir, node.kind, node.key);
  return false;
}
