/** A further page of an experiment's cells (the first is on the experiment's own page). */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExperimentView } from "../../../../../components/experiment-view";
import { StoreProblemView } from "../../../../../components/store-problem-view";
import { experimentData } from "../../../../../lib/experiment-data";
import { isStoreProblem, readStore } from "../../../../../lib/results-store";

export const dynamic = "force-dynamic";

type Params = Promise<{ name: string; page: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, page } = await params;
  return { title: `Experiment ${decodeURIComponent(name)}, cells page ${page}` };
}

export default async function ExperimentCellsPage({ params }: { params: Params }) {
  const { name: raw, page: pageText } = await params;
  const page = Number(pageText);
  if (!Number.isInteger(page) || page < 1) notFound();
  const data = await readStore((store) => experimentData(store, decodeURIComponent(raw), page));
  if (isStoreProblem(data)) return <StoreProblemView {...data} />;
  if (!data || data.cells.length === 0) notFound();
  return <ExperimentView data={data} page={page} />;
}
