/** Checks the Node.js version against what Hemlock needs (ESM, worker threads, SharedArrayBuffer). */
import type { CheckSection } from "./check-result.js";

export const MIN_NODE = [20, 19, 0] as const;

export function checkNode(version = process.versions.node): CheckSection {
  const parts = version.split(".").map(Number);
  let ok = true;
  for (let i = 0; i < MIN_NODE.length; i++) {
    const have = parts[i] ?? 0;
    const need = MIN_NODE[i] as number;
    if (have !== need) {
      ok = have > need;
      break;
    }
  }
  const need = MIN_NODE.join(".");
  return {
    title: "node",
    status: ok ? "ok" : "fail",
    summary: `v${version}${ok ? "" : ` (Hemlock needs >= ${need})`}`,
    items: ok
      ? []
      : [
          {
            label: "node",
            status: "fail",
            detail: `v${version} is older than ${need}`,
            fix: `Install Node.js ${need} or newer.`,
          },
        ],
  };
}
