/** One experiment: progress, the grid as heatmaps, failures, cells, reproduction checks and the spec. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExperimentView } from "../../../components/experiment-view";
import { StoreProblemView } from "../../../components/store-problem-view";
import { experimentData } from "../../../lib/experiment-data";
import { isStoreProblem } from "../../../lib/results-store";
import { cachedRead } from "../../../lib/store-cache";

export const dynamic = "force-dynamic";

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Experiment ${decodeURIComponent((await params).name)}` };
}

export default async function ExperimentPage({ params }: { params: Params }) {
  const name = decodeURIComponent((await params).name);
  const data = await cachedRead(`experiment:${name}`, (store) => experimentData(store, name));
  if (isStoreProblem(data)) return <StoreProblemView {...data} />;
  if (!data) notFound();
  return <ExperimentView data={data} page={1} />;
}
