/**
 * The leaderboard app as the CLI runs it: where it is (apps/leaderboard in this repository, or
 * HEMLOCK_APP_DIR), whether its production build is missing or older than its sources and the
 * packages it reads, building it (the plugin catalog, then `next build`), and serving it
 * over a store on a host and port. A build for a base path (a published site under
 * /sub) has a folder of its own, so the build `hemlock serve` uses is never replaced by it.
 */
import { fork, spawn } from "node:child_process";
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HemlockError } from "@hemlock/core/portable";

export interface AppBuild {
  appDir: string;
  /** Relative to the app: .next, or .next-base-<path> for a base path. */
  distDir: string;
  basePath: string;
}

export function leaderboardApp(basePath = ""): AppBuild {
  const appDir =
    process.env.HEMLOCK_APP_DIR ?? fileURLToPath(new URL("../../../../apps/leaderboard/", import.meta.url));
  if (!existsSync(join(appDir, "package.json")))
    throw new HemlockError(
      "INVALID_ARGUMENT",
      `the leaderboard app is not at ${appDir}`,
      "Run Hemlock from its repository (pnpm hemlock ...), or set HEMLOCK_APP_DIR to apps/leaderboard.",
    );
  const distDir = basePath === "" ? ".next" : `.next-base${basePath.replace(/[^A-Za-z0-9]+/g, "-")}`;
  return { appDir, distDir, basePath };
}

function env(build: AppBuild, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    HEMLOCK_BASE_PATH: build.basePath,
    HEMLOCK_DIST_DIR: build.distDir,
    ...extra,
  };
}

function nextBin(appDir: string): string {
  return createRequire(join(appDir, "package.json")).resolve("next/dist/bin/next");
}

/** The newest modification time among a folder's files (node_modules and builds left out). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".next") || entry === "generated" || entry === "test-results")
      continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** Why the build must be (re)made, or undefined when it is current. */
export function staleReason(build: AppBuild): string | undefined {
  const marker = join(build.appDir, build.distDir, "BUILD_ID");
  if (!existsSync(marker)) return "no production build yet";
  const built = statSync(marker).mtimeMs;
  const sources = ["app", "components", "lib", "scripts", "next.config.ts", "package.json"].map((p) =>
    join(build.appDir, p),
  );
  // The packages the app reads at run time and bundles into its pages.
  for (const pkg of ["@hemlock/store", "@hemlock/core"]) {
    const linked = join(build.appDir, "node_modules", pkg, "dist");
    if (existsSync(linked)) sources.push(realpathSync(linked));
  }
  const changed = sources.find((s) => newest(s) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

function run(command: string, args: string[], build: AppBuild): Promise<void> {
  return new Promise((resolve, reject) => {
    // The build's output goes to stderr, so a command's stdout stays its own.
    const child = spawn(process.execPath, [command, ...args], {
      cwd: build.appDir,
      env: env(build),
      stdio: ["ignore", process.stderr, process.stderr],
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(
            new HemlockError("APP", `building the leaderboard app failed (exit ${code})`, "See the output above."),
          ),
    );
  });
}

/** Builds the app when its build is missing or stale; returns whether it built. */
export async function ensureBuilt(build: AppBuild, log: (line: string) => void): Promise<boolean> {
  const reason = staleReason(build);
  if (reason === undefined) return false;
  log(`building the leaderboard app (${reason}) ...`);
  await run(join(build.appDir, "scripts", "write-plugin-catalog.mjs"), [], build);
  await run(nextBin(build.appDir), ["build"], build);
  return true;
}

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

interface NextServer {
  prepare(): Promise<void>;
  getRequestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves the built app over the store from this process (Next's custom-server API), so stopping
 * this process stops the server with it: `next start` forks a server process that would outlive us.
 */
export async function startApp(
  build: AppBuild,
  options: {
    db: string;
    host: string;
    port: number;
    /** Why the store cannot be read now, if it cannot: pages then answer 503 (with the reason). */
    storeProblem?: () => string | undefined;
  },
): Promise<RunningApp> {
  Object.assign(process.env, env(build, { HEMLOCK_DB: options.db, NODE_ENV: "production" }));
  const next = createRequire(join(build.appDir, "package.json"))("next") as (options: {
    dev: boolean;
    dir: string;
    hostname: string;
    port: number;
  }) => NextServer;
  const app = next({ dev: false, dir: build.appDir, hostname: options.host, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    // The app shows the reason and the fix on every page; the status says so to monitors and
    // scripts. Next sets the status itself, so a 200 becomes 503 as it is set.
    const asset = (req.url ?? "").startsWith(`${build.basePath}/_next/`);
    if (!asset && options.storeProblem?.() !== undefined) unavailable(res);
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new HemlockError("APP", `${options.host}:${options.port} is in use`, "Pass another --port.")
          : error,
      ),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${options.port}${build.basePath}/`;
  return {
    url,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}

/** Makes a response that would be 200 a 503 (Service Unavailable), whichever way Next sets it. */
function unavailable(res: ServerResponse): void {
  let status = 503;
  Object.defineProperty(res, "statusCode", {
    configurable: true,
    get: () => status,
    set: (value: number) => {
      status = value === 200 ? 503 : value;
    },
  });
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((code: number, ...rest: unknown[]) =>
    writeHead(code === 200 ? 503 : code, ...rest)) as ServerResponse["writeHead"];
}

/** A port the system says is free now. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Several servers of the app over one store, each in a process of its own (app-server-process.ts),
 * so a crawl that spreads its requests over them renders on that many cores.
 */
export async function startAppProcesses(build: AppBuild, db: string, count: number): Promise<RunningApp[]> {
  const entry = fileURLToPath(new URL("./app-server-process.js", import.meta.url));
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<RunningApp>((resolve, reject) => {
          const child = fork(entry, [JSON.stringify({ build, db })], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
          child.once("error", reject);
          child.once("exit", (code) =>
            reject(
              new HemlockError("APP", `a leaderboard server process stopped (exit ${code})`, "See the output above."),
            ),
          );
          child.once("message", (message: { url: string }) =>
            resolve({
              url: message.url,
              stop: () =>
                new Promise<void>((done) => {
                  child.removeAllListeners("exit");
                  child.once("exit", () => done());
                  child.send("stop");
                }),
            }),
          );
        }),
    ),
  );
}
