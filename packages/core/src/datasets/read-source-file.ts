/**
 * Reads a dataset's source file after checking it: from the data directory, else from the copy
 * bundled with Hemlock (digits only). A missing, truncated or corrupt file is a HemlockError that
 * names the file, the expected checksum and the command that fixes it.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HemlockError } from "../errors.js";
import type { SourceFile } from "./source-files.js";

/** packages/core/data, from both src/datasets and dist/datasets. */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

export async function readSourceFile(dataset: string, dataDir: string, file: SourceFile): Promise<Uint8Array> {
  const candidates = [join(dataDir, file.path)];
  if (file.bundled !== undefined) candidates.push(join(BUNDLED_DATA_DIR, file.bundled));
  let bytes: Buffer | undefined;
  let path = candidates[0] as string;
  for (const candidate of candidates) {
    bytes = await readFile(candidate).catch(() => undefined);
    if (bytes !== undefined) {
      path = candidate;
      break;
    }
  }
  const fetch = `hemlock data fetch ${dataset}`;
  if (bytes === undefined) {
    throw new HemlockError(
      "DATA_MISSING",
      `dataset ${dataset}: ${path} is missing (expected sha256 ${file.sha256})`,
      `Run \`${fetch}\`, or place the original file at ${path}.`,
    );
  }
  const replace = `Delete ${path} and run \`${fetch}\`.`;
  if (bytes.byteLength !== file.bytes) {
    throw new HemlockError(
      "DATA_CORRUPT",
      `dataset ${dataset}: ${path} is ${bytes.byteLength} bytes, expected ${file.bytes} (sha256 ${file.sha256}); truncated or not the original`,
      replace,
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== file.sha256) {
    throw new HemlockError(
      "DATA_CORRUPT",
      `dataset ${dataset}: ${path} has sha256 ${sha256}, expected ${file.sha256}`,
      replace,
    );
  }
  return bytes;
}
