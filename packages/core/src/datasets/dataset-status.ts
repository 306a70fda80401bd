/**
 * The state of a dataset's files on disk: verified (every file matches its size and sha256),
 * bundled (absent from the data directory but shipped with Hemlock), absent, incomplete (some
 * files missing), or corrupt (a file of the wrong size or checksum). Derived datasets take the
 * state of the dataset they derive from.
 */

import { datasets } from "./dataset-registry.js";
import type { DatasetPlugin } from "./define-dataset.js";
import { BUNDLED_DATA_DIR } from "./read-source-file.js";
import { type FileCheck, verifyFiles } from "./verify-files.js";

export type DatasetState = "verified" | "bundled" | "absent" | "incomplete" | "corrupt";

export interface DatasetStatus {
  name: string;
  state: DatasetState;
  /** One line for people: which file is wrong and how, or what is present. */
  detail: string;
  /** The command or step that fixes it, when something is wrong or missing. */
  fix?: string;
  checks: FileCheck[];
}

export async function datasetStatus(plugin: DatasetPlugin, dataDir: string): Promise<DatasetStatus> {
  if (plugin.derivedFrom !== undefined) {
    const parent = await datasetStatus(datasets.get(plugin.derivedFrom), dataDir);
    return { ...parent, name: plugin.name, detail: `derived from ${plugin.derivedFrom}: ${parent.detail}` };
  }
  const checks = await verifyFiles(dataDir, plugin.files);
  const fetch = `hemlock data fetch ${plugin.name}`;
  const bad = checks.find((c) => c.result.state === "wrong-size" || c.result.state === "corrupt");
  if (bad !== undefined) {
    const what =
      bad.result.state === "wrong-size"
        ? `is ${bad.result.bytes} bytes, expected ${bad.file.bytes} (sha256 ${bad.file.sha256})`
        : `has sha256 ${bad.result.state === "corrupt" ? bad.result.sha256 : "?"}, expected ${bad.file.sha256}`;
    return {
      name: plugin.name,
      state: "corrupt",
      detail: `${bad.absolutePath} ${what}`,
      fix: `Delete ${bad.absolutePath} and run \`${fetch}\`.`,
      checks,
    };
  }
  const missing = checks.filter((c) => c.result.state === "missing");
  const listMissing = () => `missing ${missing.map((c) => `${c.absolutePath} (sha256 ${c.file.sha256})`).join(", ")}`;
  if (missing.length === 0) {
    const n = checks.length;
    return { name: plugin.name, state: "verified", detail: `verified (${n} file${n > 1 ? "s" : ""}, sha256)`, checks };
  }
  if (missing.length < checks.length) {
    return {
      name: plugin.name,
      state: "incomplete",
      detail: listMissing(),
      fix: `Run \`${fetch}\`.`,
      checks,
    };
  }
  if (plugin.files.every((f) => f.bundled !== undefined)) {
    const copies = await verifyFiles(
      BUNDLED_DATA_DIR,
      plugin.files.map((f) => ({ ...f, path: f.bundled as string })),
    );
    if (copies.every((c) => c.result.state === "ok")) {
      return { name: plugin.name, state: "bundled", detail: "verified (bundled copy)", checks: copies };
    }
  }
  return {
    name: plugin.name,
    state: "absent",
    detail: `not present: ${listMissing()}`,
    fix: `Run \`${fetch}\`.`,
    checks,
  };
}
