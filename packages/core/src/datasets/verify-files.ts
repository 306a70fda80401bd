/**
 * Checks a dataset's source files on disk against their published sizes and SHA-256 checksums.
 * The size is checked first, so a truncated or partial download is reported without hashing it.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { SourceFile } from "./source-files.js";

export type FileState =
  | { state: "ok" }
  | { state: "missing" }
  | { state: "wrong-size"; bytes: number }
  | { state: "corrupt"; sha256: string };

export interface FileCheck {
  file: SourceFile;
  absolutePath: string;
  result: FileState;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function verifyFile(dataDir: string, file: SourceFile): Promise<FileCheck> {
  const absolutePath = join(dataDir, file.path);
  const info = await stat(absolutePath).catch(() => undefined);
  if (info === undefined || !info.isFile()) return { file, absolutePath, result: { state: "missing" } };
  if (info.size !== file.bytes) return { file, absolutePath, result: { state: "wrong-size", bytes: info.size } };
  const sha256 = await sha256File(absolutePath);
  return {
    file,
    absolutePath,
    result: sha256 === file.sha256 ? { state: "ok" } : { state: "corrupt", sha256 },
  };
}

export async function verifyFiles(dataDir: string, files: SourceFile[]): Promise<FileCheck[]> {
  return Promise.all(files.map((file) => verifyFile(dataDir, file)));
}
