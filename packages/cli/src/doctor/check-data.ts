/** Checks which datasets are present in the data directory and whether their files verify. */
import { access } from "node:fs/promises";
import { datasetStatus, datasets } from "@hemlock/core";
import { resolveDataDirOption } from "../data-dir-option.js";
import type { CheckItem, CheckSection } from "./check-result.js";
import { worstStatus } from "./check-result.js";

export async function checkData(dataDirOption: string | undefined): Promise<CheckSection> {
  const { dir, source } = resolveDataDirOption(dataDirOption);
  const exists = await access(dir).then(
    () => true,
    () => false,
  );
  const items: CheckItem[] = [];
  const absent: string[] = [];
  // Derived datasets (mnist-1-7) have no files of their own.
  const withFiles = datasets.list().filter((d) => d.files.length > 0);
  for (const dataset of withFiles) {
    const status = await datasetStatus(dataset, dir);
    if (status.state === "absent") absent.push(dataset.name);
    else if (status.state === "verified" || status.state === "bundled")
      items.push({ label: dataset.name, status: "ok", detail: status.detail });
    else
      items.push({
        label: dataset.name,
        status: "fail",
        detail: status.detail,
        ...(status.fix ? { fix: status.fix } : {}),
      });
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
  const verified = items.filter((i) => i.status === "ok").length;
  return {
    title: "data",
    status: worstStatus(items),
    summary: `${dir} (${source}${exists ? "" : ", does not exist"}): ${verified} of ${withFiles.length} datasets verified`,
    items,
  };
}
