/**
 * `hemlock publish --out DIR`: the leaderboard as a static site (HTML, JS, CSS and the data each
 * page embeds; nothing fetched from elsewhere) that any static file server hosts as it is, under
 * --base-path too. The filters publish a subset: the store is copied with only the selected cells,
 * so every page agrees. The app is served over the store on a free local port and each page saved.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { HemlockError } from "@hemlock/core/portable";
import { copyStoreSubset, metricNames, openStoreReadOnly } from "@hemlock/store";
import { ensureBuilt, leaderboardApp, startAppProcesses } from "../app/leaderboard-app.js";
import { writeStaticSite } from "../app/static-site.js";

import { text } from "../options/option-values.js";
import { filterFields, type OptionValues, optionTable, storeFields } from "../options/shared-tables.js";

export const OPTIONS = optionTable({ ...storeFields, ...filterFields, out: text, basePath: text.optional() });

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const started = performance.now();
  const db = resolve(options.db);
  const out = resolve(options.out);
  const basePath = String(options.basePath ?? "").replace(/\/+$/, "");
  if (basePath !== "" && !/^\/[A-Za-z0-9._~\-/]+$/.test(basePath))
    throw new HemlockError(
      "INVALID_ARGUMENT",
      `--base-path: expected a path such as /hemlock (letters, digits, - _ . ~ and /), got "${basePath}"`,
    );
  const filter = {
    ...(options.experiment !== undefined ? { experiment: options.experiment } : {}),
    ...(options.dataset !== undefined ? { dataset: options.dataset } : {}),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.attack !== undefined ? { attack: options.attack } : {}),
    ...(options.defense !== undefined ? { defense: options.defense } : {}),
    ...(options.rate !== undefined ? { rate: options.rate } : {}),
  };
  const scratch = await mkdtemp(join(tmpdir(), "hemlock-publish-"));
  try {
    let source = db;
    if (Object.keys(filter).length > 0) {
      source = join(scratch, "subset.db");
      const kept = await copyStoreSubset(db, source, filter);
      if (kept === 0)
        throw new HemlockError(
          "INVALID_ARGUMENT",
          `no cells in ${db} match the filters`,
          "`hemlock ls` and `hemlock show` list what is there.",
        );
      console.error(`publishing ${kept} cells of ${db}`);
    }
    const store = openStoreReadOnly(source);
    const metrics = metricNames(store);
    store.close();
    const build = leaderboardApp(basePath);
    await ensureBuilt(build, (line) => console.error(line));
    await rm(out, { recursive: true, force: true });
    // A server renders on one thread: one per core (up to 4) renders a large store's pages at once.
    const servers = await startAppProcesses(build, source, Math.min(4, availableParallelism()));
    try {
      const origins = servers.map((s) => new URL(s.url).origin);
      const seeds = [
        "/",
        ...metrics.map((m) => `/leaderboard/${encodeURIComponent(m).replaceAll(".", "%2E")}/`),
        "/compare/",
      ];
      const report = await writeStaticSite(origins, build, out, seeds);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `wrote ${report.pages} pages (${(report.bytes / 1e6).toFixed(1)} MB of HTML), ${report.dataFiles} data files (${(report.dataBytes / 1e6).toFixed(1)} MB) and the app's assets to ${out} in ${seconds.toFixed(1)} s` +
          (basePath ? `; host it under ${basePath}/` : ""),
      );
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
    return 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
