/**
 * The leaderboard page for one metric (the default metric at /, any other at /leaderboard/NAME/):
 * the view of the URL's state (filters, page) computed on the server, so the page carries only
 * the settings it shows; the browser fetches the whole board (its data file) when the state
 * changes. An unknown metric gets the list of the ones the store records; an empty store says
 * what to run.
 */
import { notFound } from "next/navigation";
import { boardView } from "../lib/board-view";
import { cachedLeaderboard } from "../lib/leaderboard-data";
import type { UrlState } from "../lib/query-state";
import { isStoreProblem, storePath } from "../lib/results-store";
import { paths } from "../lib/site-paths";
import { LeaderboardBoard } from "./leaderboard-board";
import { StoreProblemView } from "./store-problem-view";

export async function LeaderboardPage({ metric, state = {} }: { metric?: string; state?: UrlState }) {
  const data = await cachedLeaderboard(metric);
  if (isStoreProblem(data))
    return (
      <>
        <h1>Leaderboard</h1>
        <StoreProblemView {...data} />
      </>
    );
  // An unknown metric is a 404 whose page lists the metrics there are (not-found.tsx beside the route).
  if (!data.known && metric !== undefined) notFound();
  if (!data.known)
    return (
      <>
        <h1>Leaderboard</h1>
        {data.metrics.length === 0 ? (
          <p role="alert">
            The store <code>{storePath()}</code> has no finished cells yet. Run an experiment:{" "}
            <code>hemlock run experiments/quickstart.yaml</code>, then reload.
          </p>
        ) : (
          <>
            <p role="alert">The store records no metric by that name. The metrics it records:</p>
            <ul>
              {data.metrics.map((m) => (
                <li key={m}>
                  <a href={paths.leaderboard(m)}>{m}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </>
    );
  return (
    <>
      <h1>Leaderboard: {data.board.metric.title}</h1>
      <LeaderboardBoard
        view={boardView(data.board, data.experiments, state)}
        metrics={data.metrics}
        initialState={state}
        dataUrl={paths.boardData(data.board.metric.name)}
      />
    </>
  );
}
