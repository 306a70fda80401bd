/** Checks which datasets are present in the data directory and whether their files verify. */
import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { BUNDLED_DATA_DIR, datasets, type FileCheck, resolveDataDir, verifyFile, verifyFiles } from "@hemlock/core";
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
  // Derived datasets (mnist-1-7) have no files of their own.
  const withFiles = datasets.list().filter((d) => d.files.length > 0);
  for (const dataset of withFiles) {
    const checks = exists ? await verifyFiles(dir, dataset.files) : [];
    let item = datasetItem(dataset.name, dataset.files.length, checks);
    // A dataset shipped with Hemlock (digits) is available without the data directory.
    const bundled = dataset.files.every((f) => f.bundled !== undefined);
    if (item === "absent" && bundled) {
      const copies = await Promise.all(
        dataset.files.map((f) => verifyFile(BUNDLED_DATA_DIR, { ...f, path: f.bundled as string })),
      );
      item = datasetItem(dataset.name, dataset.files.length, copies);
      if (item !== "absent" && item.status === "ok") item.detail = "verified (bundled copy)";
    }
    if (item === "absent") absent.push(dataset.name);
    else items.push(item);
  }
  // Absent datasets are not an error (runs only need the ones they use), so they share one line.
  if (absent.length > 0) {
    items.push({
      label: "absent",
      status: "warn",
      detail: absent.join(", "),
      fix: `Run \`hemlock data fetch NAME\`, or place the original files under ${dir} (layout: docs/datasets.md).`,
    });
  }
  const verified = withFiles.length - absent.length - items.filter((i) => i.status === "fail").length;
  return {
    title: "data",
    status: worstStatus(items),
    summary: `${dir} (${source}${exists ? "" : ", does not exist"}): ${verified} of ${withFiles.length} datasets verified`,
    items,
  };
}

function datasetItem(name: string, fileCount: number, checks: FileCheck[]): CheckItem | "absent" {
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
      fix: `Delete ${first.absolutePath} and run \`hemlock data fetch ${name}\`.`,
    };
  }
  if (missing === fileCount) return "absent";
  if (missing > 0) {
    const absent = checks.filter((c) => c.result.state === "missing").map((c) => c.file.path);
    return {
      label: name,
      status: "fail",
      detail: `incomplete: missing ${absent.join(", ")}`,
      fix: `Run \`hemlock data fetch ${name}\`.`,
    };
  }
  return { label: name, status: "ok", detail: `verified (${fileCount} file${fileCount > 1 ? "s" : ""}, sha256)` };
}
