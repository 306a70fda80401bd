/**
 * Writes the running leaderboard app out as a static site: every page reachable by links from the
 * front page (and each metric's board), fetched from the server and saved as folder/index.html
 * under the base path, plus the app's static assets and a 404 page. Links in the app are plain
 * anchors ending in a slash and filters live in the query string, read in the browser, so the
 * files work on any static server, under a sub-path too.
 */
import { cp, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { AppBuild } from "./leaderboard-app.js";

export interface SiteReport {
  pages: number;
  bytes: number;
}

const CONCURRENCY = 4;

export async function writeStaticSite(
  origin: string,
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
  let bytes = 0;
  let pages = 0;
  const fetchPage = async (path: string) => {
    const response = await fetch(`${origin}${path}`, { redirect: "manual" });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${path}: the app answered ${response.status}`);
    for (const link of links(text, base)) enqueue(link);
    const file = join(out, decodeURIComponent(path.slice(base.length)), "index.html");
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    bytes += Buffer.byteLength(text);
    pages++;
    onPage?.(path);
  };
  let inFlight = 0;
  const workers = Array.from({ length: CONCURRENCY }, async () => {
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
        await fetchPage(next);
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
  return { pages, bytes: bytes + Buffer.byteLength(notFound) };
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
