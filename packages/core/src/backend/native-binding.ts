/**
 * Whether tfjs-node's native binding is on disk. The package can be installed without it: its
 * install step downloads libtensorflow and builds `lib/napi-v<N>/tfjs_binding.node`, and offline (or
 * with --ignore-scripts) that step fails while the package stays. Checking the file first answers
 * in a millisecond what loading the package would answer after loading about 170 modules.
 * Undefined when the package is not installed at all.
 */
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export function tfjsNodeBindingPresent(): boolean | undefined {
  let root: string;
  try {
    root = dirname(createRequire(import.meta.url).resolve("@tensorflow/tfjs-node/package.json"));
  } catch {
    return undefined;
  }
  const lib = join(root, "lib");
  if (!existsSync(lib)) return false;
  return readdirSync(lib).some((dir) => dir.startsWith("napi-v") && existsSync(join(lib, dir, "tfjs_binding.node")));
}
