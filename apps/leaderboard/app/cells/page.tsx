/**
 * A cell (/cells/?id=ID): rendered on the server when served; on a published site this file is
 * every cell's page, and it reads the cell from its shard in the browser.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CellView } from "../../components/cell-view";
import { CellViewer } from "../../components/cell-viewer";
import { StoreProblemView } from "../../components/store-problem-view";
import { shardLength } from "../../lib/cell-shards";
import { hemlockStore } from "../../lib/hemlock-store";
import { queryState } from "../../lib/query-state";
import { isStoreProblem, readStore } from "../../lib/results-store";
import { cachedRead } from "../../lib/store-cache";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[]>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { id } = queryState(await searchParams);
  return { title: id ? `Cell ${id.slice(0, 10)}` : "Cell" };
}

export default async function CellPage({ searchParams }: Props) {
  const { id } = queryState(await searchParams);
  const h = await hemlockStore();
  if (id) {
    const cell = await readStore((store) => h.cellDetail(store, id));
    if (isStoreProblem(cell)) return <StoreProblemView {...cell} />;
    if (!cell) notFound();
    return <CellView cell={cell} />;
  }
  const count = await cachedRead("cell-count", (store) => h.cellCount(store));
  if (isStoreProblem(count)) return <StoreProblemView {...count} />;
  return <CellViewer shardLength={shardLength(count)} />;
}
