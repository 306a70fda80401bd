/**
 * What the browser tests stand on: the `hemlock` command as a user runs it (a real grid into a
 * fresh store, `hemlock serve` as a child process, `hemlock publish`), a static file server for the
 * published site (sirv, mounted under a base path), and Debian's Chromium driven by playwright-core
 * with a log of every request the pages make.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Browser, chromium, type Page } from "playwright-core";
import sirv from "sirv";

export const REPO = fileURLToPath(new URL("../../../../", import.meta.url));
const BIN = join(REPO, "packages/cli/dist/bin.js");
export const SCREENSHOTS = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
export const CHROMIUM = process.env.HEMLOCK_CHROMIUM ?? "/usr/bin/chromium";

/** Runs `hemlock ARGS`; resolves with stdout, rejects with stderr on a non-zero exit. */
export async function hemlock(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...args], {
    cwd: REPO,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  return stdout;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** `hemlock serve` over the store, as a child process; resolves with its printed URL once it answers. */
export async function serve(db: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve", "--db", db, "--port", String(port)], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  for (let i = 0; i < 1200; i++) {
    const printed = /Hemlock leaderboard: (http:\/\/\S+) /.exec(output);
    if (printed) return { url: printed[1] as string, child, output: () => output };
    if (child.exitCode !== null) throw new Error(`hemlock serve exited ${child.exitCode}: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`hemlock serve printed no URL in 120 s: ${output}`);
}

/** Serves a folder as any static host would, under `base` ("/sub"); anything else is a 404. */
export async function staticHost(dir: string, base: string): Promise<{ origin: string; server: Server }> {
  const files = sirv(dir, { dev: false, etag: true });
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (!url.startsWith(`${base}/`)) {
      res.statusCode = 404;
      res.end("not under the base path");
      return;
    }
    req.url = url.slice(base.length);
    files(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export interface Session {
  browser: Browser;
  page: Page;
  /** Every URL the page requested, and every error it threw. */
  requests: string[];
  errors: string[];
}

export async function openBrowser(): Promise<Session> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  await mkdir(SCREENSHOTS, { recursive: true });
  return { browser, page, requests, errors };
}

/** Waits for a Vega chart to be drawn and returns how many marks (paths, symbols, rects) it has. */
export async function chartMarks(page: Page, label: string): Promise<number> {
  const chart = page.locator(`[data-chart="${label}"][data-rendered="true"]`).first();
  await chart.waitFor({ timeout: 30_000 });
  return chart.locator("svg .mark-symbol path, svg .mark-line path, svg .mark-rect path, svg .mark-rule line").count();
}
