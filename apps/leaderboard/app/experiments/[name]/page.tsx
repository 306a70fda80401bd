/** One experiment's leaderboard, for the metric in ?metric= (attack success rate by default). */
import { notFound } from "next/navigation";
import { BoardView } from "../../../components/board-view";
import { StoreProblemView } from "../../../components/store-problem-view";
import { experimentBoard } from "../../../lib/experiment-boards";
import { isStoreProblem, readStore } from "../../../lib/results-store";

export const dynamic = "force-dynamic";

export default async function ExperimentPage({
  params,
  searchParams,
}: {
  params: Promise<{ name: string }>;
  searchParams: Promise<{ metric?: string }>;
}) {
  const { name } = await params;
  const { metric = "attackSuccessRate" } = await searchParams;
  const board = await readStore((store) => experimentBoard(store, decodeURIComponent(name), metric));
  if (isStoreProblem(board)) return <StoreProblemView {...board} />;
  if (!board) notFound();
  return (
    <>
      <h1>{board.experiment}</h1>
      <BoardView board={board} />
    </>
  );
}
