/**
 * The leaderboard reads the results store on the server. The store's native SQLite binding is
 * loaded by Node as it is, never bundled. HEMLOCK_BASE_PATH (set by `hemlock publish --base-path`)
 * builds the site to be hosted under a sub-path, into its own build folder (HEMLOCK_DIST_DIR), so
 * the build `hemlock serve` uses stays as it is. URLs end in a slash, so a published page is a
 * folder's index.html that any static file server finds. Telemetry is off (see package scripts).
 */
import type { NextConfig } from "next";

const basePath = process.env.HEMLOCK_BASE_PATH ?? "";

const config: NextConfig = {
  serverExternalPackages: ["better-sqlite3"],
  basePath,
  trailingSlash: true,
  poweredByHeader: false,
  distDir: process.env.HEMLOCK_DIST_DIR ?? ".next",
  env: { NEXT_PUBLIC_HEMLOCK_BASE_PATH: basePath },
  devIndicators: false,
};

export default config;
