/**
 * Downloads a dataset's source files into the data directory: each file streams to a temporary
 * file beside its destination while being hashed, is checked against its published size and
 * SHA-256, and only then renamed into place (atomic on one filesystem), so an interrupted or bad
 * download never leaves a file that looks real. Sources are tried in order; a file that already
 * verifies is not downloaded again.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { HemlockError } from "../errors.js";
import type { SourceFile } from "./source-files.js";
import { verifyFile } from "./verify-files.js";

export interface FetchOptions {
  /** A base URL serving the data directory's layout, used instead of the canonical sources. */
  mirror?: string;
  onEvent?: (event: FetchEvent) => void;
  fetchImpl?: typeof fetch;
}

export type FetchEvent =
  | { kind: "present"; file: SourceFile }
  | { kind: "downloading"; file: SourceFile; url: string }
  | { kind: "fetched"; file: SourceFile; url: string }
  | { kind: "source-failed"; file: SourceFile; url: string; reason: string };

export async function fetchFiles(
  dataset: string,
  dataDir: string,
  files: SourceFile[],
  options: FetchOptions = {},
): Promise<void> {
  for (const file of files) await fetchFile(dataset, dataDir, file, options);
}

async function fetchFile(dataset: string, dataDir: string, file: SourceFile, options: FetchOptions): Promise<void> {
  const destination = join(dataDir, file.path);
  if ((await verifyFile(dataDir, file)).result.state === "ok") {
    options.onEvent?.({ kind: "present", file });
    return;
  }
  const urls = options.mirror ? [`${options.mirror.replace(/\/$/, "")}/${file.path}`] : file.urls;
  const failures: string[] = [];
  await mkdir(dirname(destination), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new HemlockError(
      "FETCH_FAILED",
      `dataset ${dataset}: cannot create ${dirname(destination)} (${error.code ?? error.message})`,
      "Choose a writable data directory with --data-dir or HEMLOCK_DATA_DIR.",
    );
  });
  for (const url of urls) {
    options.onEvent?.({ kind: "downloading", file, url });
    const partial = `${destination}.part-${process.pid}`;
    try {
      await download(url, partial, file, options.fetchImpl ?? fetch);
      await rename(partial, destination);
      options.onEvent?.({ kind: "fetched", file, url });
      return;
    } catch (error) {
      await rm(partial, { force: true });
      const reason = error instanceof Error ? error.message : String(error);
      failures.push(`${url}: ${reason}`);
      options.onEvent?.({ kind: "source-failed", file, url, reason });
    }
  }
  throw new HemlockError(
    "FETCH_FAILED",
    `dataset ${dataset}: could not fetch ${file.path} (expected ${file.bytes} bytes, sha256 ${file.sha256}) from any source:\n  ${failures.join("\n  ")}`,
    `Check the network, pass --mirror URL, or place the original file at ${destination} and run \`hemlock data verify ${dataset}\`.`,
  );
}

async function download(url: string, path: string, file: SourceFile, fetchImpl: typeof fetch): Promise<void> {
  const response = await fetchImpl(url, { redirect: "follow", signal: AbortSignal.timeout(10 * 60_000) });
  if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const hash = createHash("sha256");
  let bytes = 0;
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
  body.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.byteLength;
  });
  await pipeline(body, createWriteStream(path));
  if (bytes !== file.bytes)
    throw new Error(`got ${bytes} bytes, expected ${file.bytes} (truncated or not the original)`);
  const sha256 = hash.digest("hex");
  if (sha256 !== file.sha256) throw new Error(`sha256 ${sha256} does not match the published ${file.sha256}`);
}
