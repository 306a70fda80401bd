/** Checks which datasets are present in the data directory and whether their files verify. */
import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { DATASET_SOURCES, type FileCheck, resolveDataDir, verifyDataset } from "@hemlock/core";
import type { CheckItem, CheckSection } from "./check-result.js";
import { worstStatus } from "./check-result.js";

export async function checkData(dataDirOption: string | undefined): Promise<CheckSection> {
  // Commander folds HEMLOCK_DATA_DIR into --data-dir; name the source the user actually set.
  const { dir, source } =
    dataDirOption === undefined
      ? resolveDataDir()
      : {
          dir: resolve(dataDirOption),
          source: dataDirOption === process.env.HEMLOCK_DATA_DIR ? "HEMLOCK_DATA_DIR" : "--data-dir",
        };
  const exists = await access(dir).then(
    () => true,
    () => false,
  );
  const items: CheckItem[] = [];
  const absent: string[] = [];
  for (const dataset of DATASET_SOURCES) {
    const checks = exists ? await verifyDataset(dir, dataset) : [];
    const item = datasetItem(dataset.name, dataset.files.length, checks, dir);
    if (item === "absent") absent.push(dataset.name);
    else items.push(item);
  }
  // Absent datasets are not an error (runs only need the ones they use), so they share one line.
  if (absent.length > 0) {
    items.push({
      label: "absent",
      status: "warn",
      detail: absent.join(", "),
      fix: `Place the original files under ${dir} in the layout of docs/datasets.md.`,
    });
  }
  const verified = DATASET_SOURCES.length - absent.length - items.filter((i) => i.status === "fail").length;
  return {
    title: "data",
    status: worstStatus(items),
    summary: `${dir} (${source}${exists ? "" : ", does not exist"}): ${verified} of ${DATASET_SOURCES.length} datasets verified`,
    items,
  };
}

function datasetItem(name: string, fileCount: number, checks: FileCheck[], dir: string): CheckItem | "absent" {
  const bad = checks.filter((c) => c.result.state !== "ok" && c.result.state !== "missing");
  const missing = checks.length === 0 ? fileCount : checks.filter((c) => c.result.state === "missing").length;
  if (bad.length > 0) {
    const first = bad[0] as FileCheck;
    const what =
      first.result.state === "wrong-size"
        ? `is ${first.result.bytes} bytes, expected ${first.file.bytes}`
        : `has sha256 ${first.result.state === "corrupt" ? first.result.sha256 : "?"}, expected ${first.file.sha256}`;
    return {
      label: name,
      status: "fail",
      detail: `${first.absolutePath} ${what}${bad.length > 1 ? ` (and ${bad.length - 1} more bad files)` : ""}`,
      fix: `Delete the file and place a fresh copy of the original at ${first.absolutePath}.`,
    };
  }
  if (missing === fileCount) return "absent";
  if (missing > 0) {
    const absent = checks.filter((c) => c.result.state === "missing").map((c) => c.file.path);
    return {
      label: name,
      status: "fail",
      detail: `incomplete: missing ${absent.join(", ")}`,
      fix: `Place the missing files under ${dir}.`,
    };
  }
  return { label: name, status: "ok", detail: `verified (${fileCount} file${fileCount > 1 ? "s" : ""}, sha256)` };
}
