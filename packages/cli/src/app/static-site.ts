/**
 * Writes the running leaderboard app out as a static site: every page reachable by links from the
 * front page (and each metric's board), fetched from the server and saved as folder/index.html
 * under the base path; the data files the pages fetch in the browser (each board whole, the cells
 * in shards), as the app lists them in data/files.json; the app's static assets and a 404 page.
 * Links in the app are plain anchors ending in a slash and filters live in the query string, read
 * in the browser, so the files work on any static server, under a sub-path too.
 */
import { cp, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { AppBuild } from "./leaderboard-app.js";

export interface SiteReport {
  pages: number;
  /** Bytes of HTML. */
  bytes: number;
  dataFiles: number;
  dataBytes: number;
}

/** Requests in flight per server: one renders while the next one's response is written. */
const PER_SERVER = 2;

/** origins: one or more servers of the same build over the same store; requests are spread over them. */
export async function writeStaticSite(
  origins: string[],
  build: AppBuild,
  out: string,
  seeds: string[],
  onPage?: (path: string) => void,
): Promise<SiteReport> {
  const base = build.basePath;
  const seen = new Set<string>();
  const queue: string[] = [];
  const enqueue = (path: string) => {
    if (!seen.has(path)) {
      seen.add(path);
      queue.push(path);
    }
  };
  for (const s of seeds) enqueue(`${base}${s}`);
  const origin = origins[0] as string;
  const listed = await fetch(`${origin}${base}/data/files.json`);
  if (!listed.ok) throw new Error(`${base}/data/files.json: the app answered ${listed.status}`);
  const dataFiles = ((await listed.json()) as { files: string[] }).files.map(
    (f) => `${base}/data/${f.split("/").map(encodeURIComponent).join("/")}`,
  );
  for (const f of dataFiles) enqueue(f);
  let bytes = 0;
  let pages = 0;
  let dataBytes = 0;
  const fetchPage = async (server: string, path: string) => {
    const response = await fetch(`${server}${path}`, { redirect: "manual" });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${path}: the app answered ${response.status}`);
    const isData = path.startsWith(`${base}/data/`);
    if (!isData) for (const link of links(text, base)) enqueue(link);
    const relative = decodeURIComponent(path.slice(base.length));
    const file = isData ? join(out, relative) : join(out, relative, "index.html");
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    if (isData) dataBytes += Buffer.byteLength(text);
    else {
      bytes += Buffer.byteLength(text);
      pages++;
    }
    onPage?.(path);
  };
  let inFlight = 0;
  const workers = Array.from({ length: PER_SERVER * origins.length }, async (_, worker) => {
    const own = origins[worker % origins.length] as string;
    // Each worker takes the next page; pages found meanwhile join the queue.
    for (;;) {
      const next = queue.shift();
      if (next === undefined) {
        if (inFlight === 0) return;
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      inFlight++;
      try {
        await fetchPage(affinity(next, base, origins) ?? own, next);
      } finally {
        inFlight--;
      }
    }
  });
  await Promise.all(workers);
  // The 404 page, which static hosts serve for a missing path.
  const missing = await fetch(`${origin}${base}/__hemlock-missing__/`);
  const notFound = await missing.text();
  await writeFile(join(out, "404.html"), notFound);
  // The site's icon is a route of the app, not a file among its assets.
  const icon = await fetch(`${origin}${base}/icon.svg`);
  if (icon.ok) await writeFile(join(out, "icon.svg"), Buffer.from(await icon.arrayBuffer()));
  await cp(join(build.appDir, build.distDir, "static"), join(out, "_next", "static"), { recursive: true });
  return { pages, bytes: bytes + Buffer.byteLength(notFound), dataFiles: dataFiles.length, dataBytes };
}

/**
 * The server a request should go to, when it matters: a metric's board page and its data file
 * read the same ranking, which each server computes once and remembers, so both go to the server
 * the metric's name picks (ranking a metric over 100k cells takes seconds).
 */
function affinity(path: string, base: string, origins: string[]): string | undefined {
  const metric =
    /^\/leaderboard\/([^/]+)\/$/.exec(path.slice(base.length))?.[1] ??
    /^\/data\/boards\/([^/]+)\.json$/.exec(path.slice(base.length))?.[1];
  if (metric === undefined) return undefined;
  const name = decodeURIComponent(metric);
  let hash = 0;
  for (const c of name) hash = (hash * 31 + (c.codePointAt(0) as number)) >>> 0;
  return origins[hash % origins.length];
}

/** The site's own page links in a page (not its assets), as paths without query or fragment. */
function links(html: string, base: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/href="([^"]*)"/g)) {
    const raw = (match[1] as string).replaceAll("&amp;", "&");
    if (!raw.startsWith(`${base}/`) || raw.startsWith(`${base}/_next/`)) continue;
    const path = raw.split(/[?#]/)[0] as string;
    if (path.endsWith("/")) out.push(path);
  }
  return out;
}
