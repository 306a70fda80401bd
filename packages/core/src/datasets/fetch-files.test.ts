import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HemlockError } from "../errors.js";
import { type FetchEvent, fetchFiles } from "./fetch-files.js";
import type { SourceFile } from "./source-files.js";

// The test's own small files, served by a local HTTP server.
const content = Buffer.from("label,x\n0,1.5\n1,2.5\n".repeat(50));
const sha256 = createHash("sha256").update(content).digest("hex");
const routes: Record<string, Buffer> = {
  "/good/file.csv": content,
  "/truncated/file.csv": content.subarray(0, content.length - 10),
  "/corrupt/file.csv": Buffer.from(content).fill(65, 0, 5),
};
const requests: string[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const body = routes[req.url ?? ""];
    if (body === undefined) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const file = (...dirs: string[]): SourceFile => ({
  path: "tiny/file.csv",
  bytes: content.length,
  sha256,
  urls: dirs.map((d) => `${base}/${d}/file.csv`),
});

describe("fetchFiles", () => {
  it("downloads, verifies and places the file, then skips it when present", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hemlock-fetch-"));
    const events: FetchEvent["kind"][] = [];
    await fetchFiles("tiny", dir, [file("good")], { onEvent: (e) => events.push(e.kind) });
    expect(await readFile(join(dir, "tiny/file.csv"))).toEqual(content);
    expect(events).toEqual(["downloading", "fetched"]);
    const before = requests.length;
    await fetchFiles("tiny", dir, [file("good")], { onEvent: (e) => events.push(e.kind) });
    expect(requests.length).toBe(before);
    expect(events.at(-1)).toBe("present");
  });

  it("falls through failing sources (404, truncated, corrupt) to a good one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hemlock-fetch-"));
    const failed: string[] = [];
    await fetchFiles("tiny", dir, [file("missing", "truncated", "corrupt", "good")], {
      onEvent: (e) => {
        if (e.kind === "source-failed") failed.push(e.reason);
      },
    });
    expect(failed).toEqual([
      "HTTP 404 Not Found",
      `got ${content.length - 10} bytes, expected ${content.length} (truncated or not the original)`,
      expect.stringMatching(new RegExp(`^sha256 [0-9a-f]{64} does not match the published ${sha256}$`)),
    ]);
    expect(await readFile(join(dir, "tiny/file.csv"))).toEqual(content);
  });

  it("uses the mirror instead of the canonical sources", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hemlock-fetch-"));
    const urls: string[] = [];
    await fetchFiles("tiny", dir, [{ ...file("missing"), path: "good/file.csv" }], {
      mirror: `${base}/`,
      onEvent: (e) => {
        if (e.kind === "downloading") urls.push(e.url);
      },
    });
    expect(urls).toEqual([`${base}/good/file.csv`]);
  });

  it("fails naming the file, the checksum and every source, and leaves nothing behind", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hemlock-fetch-"));
    const error = (await fetchFiles("tiny", dir, [file("truncated", "corrupt")]).catch(
      (e: unknown) => e,
    )) as HemlockError;
    expect(error).toBeInstanceOf(HemlockError);
    expect(error.code).toBe("FETCH_FAILED");
    expect(error.message).toContain(
      `dataset tiny: could not fetch tiny/file.csv (expected ${content.length} bytes, sha256 ${sha256}) from any source:`,
    );
    expect(error.message).toContain(`${base}/truncated/file.csv: got ${content.length - 10} bytes`);
    expect(error.message).toContain(`${base}/corrupt/file.csv: sha256`);
    expect(error.hint).toContain("hemlock data verify tiny");
    expect(await readdir(join(dir, "tiny"))).toEqual([]);
  });
});
