/**
 * The leaderboard reads the results store on the server. The store's native SQLite binding is
 * loaded by Node as it is, never bundled.
 */
import type { NextConfig } from "next";

const config: NextConfig = {
  serverExternalPackages: ["better-sqlite3"],
};

export default config;
