/**
 * `hemlock serve`: the leaderboard app over a results store, opened read-only on every request
 * (a running experiment's new cells show on reload; nothing can be written). Builds the app first
 * when its build is missing or stale. Binds 127.0.0.1 unless --host says otherwise, prints the URL,
 * and stops the server cleanly on Ctrl-C or SIGTERM.
 */
import { resolve } from "node:path";
import { openStoreReadOnly, storeVersion } from "@hemlock/store";
import { ensureBuilt, leaderboardApp, startApp } from "../app/leaderboard-app.js";
import { port, text } from "../options/option-values.js";
import { type OptionValues, optionTable } from "../options/shared-tables.js";

export const OPTIONS = optionTable({ db: text, port, host: text });

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const db = resolve(options.db);
  // Fail here, plainly, rather than on every page.
  openStoreReadOnly(db).close();
  const build = leaderboardApp();
  await ensureBuilt(build, (line) => console.error(line));
  const app = await startApp(build, { db, host: options.host, port: options.port, storeProblem: storeProblem(db) });
  console.log(`Hemlock leaderboard: ${app.url} (store ${db}, read-only). Ctrl-C stops it.`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      app.stop().then(done, done);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  console.error("leaderboard stopped");
  return 0;
}

/**
 * Whether the store can be read, checked again only when its files change (their size and time):
 * a store deleted, replaced by a foreign file or migrated by a newer Hemlock while it is served.
 */
function storeProblem(db: string): () => string | undefined {
  let seen = "";
  let problem: string | undefined;
  return () => {
    const version = storeVersion(db);
    if (version !== seen) {
      seen = version;
      try {
        openStoreReadOnly(db).close();
        problem = undefined;
      } catch (error) {
        problem = (error as Error).message;
      }
    }
    return problem;
  };
}
