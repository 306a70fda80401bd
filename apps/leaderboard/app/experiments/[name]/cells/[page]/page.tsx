/**
 * A further page of an experiment's cells (the first is on the experiment's own page): the list
 * alone, with links to the other pages and back to the experiment.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CellTable } from "../../../../../components/cell-table";
import { CellPages } from "../../../../../components/experiment-view";
import { StoreProblemView } from "../../../../../components/store-problem-view";
import { experimentCellsPage } from "../../../../../lib/experiment-data";
import { isStoreProblem } from "../../../../../lib/results-store";
import { paths } from "../../../../../lib/site-paths";

export const dynamic = "force-dynamic";

type Params = Promise<{ name: string; page: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, page } = await params;
  return { title: `Experiment ${decodeURIComponent(name)}, cells page ${page}` };
}

export default async function ExperimentCellsPage({ params }: { params: Params }) {
  const { name: raw, page: pageText } = await params;
  const name = decodeURIComponent(raw);
  const page = Number(pageText);
  if (!Number.isInteger(page) || page < 1) notFound();
  const listed = await experimentCellsPage(name, page);
  if (isStoreProblem(listed)) return <StoreProblemView {...listed} />;
  if (!listed || listed.cells.length === 0) notFound();
  return (
    <>
      <h1>
        <a href={paths.experiment(name)}>{name}</a>: cells
      </h1>
      <CellPages name={name} total={listed.total} page={page} />
      <CellTable cells={listed.cells} />
    </>
  );
}
