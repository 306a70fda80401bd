/**
 * The data files the browser fetches, which `hemlock publish` writes beside the pages:
 * - boards/METRIC.json: a metric's whole board, packed (the leaderboard's filters and downloads);
 * - cells/PREFIX.json: the details of every cell whose identity starts with PREFIX (cell pages);
 * - files.json: the list of both, which publish reads to know what to write.
 * Read-only, like every page; remembered until the store changes.
 */
import type { MetricBoard } from "@hemlock/store/reports";
import { shardLength } from "../../../lib/cell-shards";
import { hemlockStore } from "../../../lib/hemlock-store";
import { cachedLeaderboard } from "../../../lib/leaderboard-data";
import { packBoard } from "../../../lib/packed-board";
import { isStoreProblem, readStore } from "../../../lib/results-store";
import { cachedRead } from "../../../lib/store-cache";

export const dynamic = "force-dynamic";

const packed = new WeakMap<MetricBoard, string>();

function json(body: string, status = 200): Response {
  return new Response(body, { status, headers: { "content-type": "application/json; charset=utf-8" } });
}

const problem = (message: string, status: number) => json(JSON.stringify({ problem: message }), status);

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const parts = (await params).path.map(decodeURIComponent);
  const h = await hemlockStore();
  const [kind, file] = parts;
  if (parts.length === 1 && kind === "files.json") {
    const files = await cachedRead("data-files", (store) => {
      const prefixes = h.cellPrefixes(store, shardLength(h.cellCount(store)));
      return [...h.metricCatalog(store).map((m) => `boards/${m.name}.json`), ...prefixes.map((p) => `cells/${p}.json`)];
    });
    if (isStoreProblem(files)) return problem(files.problem, 503);
    return json(JSON.stringify({ files }));
  }
  if (parts.length === 2 && kind === "boards" && file?.endsWith(".json")) {
    const data = await cachedLeaderboard(file.slice(0, -".json".length));
    if (isStoreProblem(data)) return problem(data.problem, 503);
    if (!data.known) return problem(`no metric ${file}; the store records ${data.metrics.join(", ")}`, 404);
    let body = packed.get(data.board);
    if (body === undefined) {
      body = JSON.stringify(packBoard(data.board));
      packed.set(data.board, body);
    }
    return json(body);
  }
  if (parts.length === 2 && kind === "cells" && /^[0-9a-f]+\.json$/.test(file ?? "")) {
    const prefix = (file as string).slice(0, -".json".length);
    const cells = await readStore((store) =>
      prefix.length === shardLength(h.cellCount(store)) ? h.cellDetails(store, prefix) : undefined,
    );
    if (isStoreProblem(cells)) return problem(cells.problem, 503);
    if (cells === undefined) return problem(`cells/${file}: not a shard of this store`, 404);
    return json(JSON.stringify(cells));
  }
  return problem(`no data file ${parts.join("/")}`, 404);
}
