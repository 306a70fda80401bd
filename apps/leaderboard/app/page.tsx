/** The leaderboard across every experiment in the store, on its default metric (attack success rate). */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LeaderboardPage } from "../components/leaderboard-page";
import { queryState } from "../lib/query-state";
import { paths } from "../lib/site-paths";

// Results change while experiments run: read the store on every request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: { absolute: "Leaderboard · Hemlock" } };

export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  // The metric lives in the path (/leaderboard/NAME/), so a published site has a page per metric.
  const { metric, ...rest } = queryState(await searchParams);
  if (metric) redirect(paths.leaderboard(metric, rest));
  return <LeaderboardPage state={rest} />;
}
