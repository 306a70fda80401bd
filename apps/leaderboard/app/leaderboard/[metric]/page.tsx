/** The leaderboard ranked by one metric; an unknown metric lists the ones the store records. */
import type { Metadata } from "next";
import { LeaderboardPage } from "../../../components/leaderboard-page";
import { queryState } from "../../../lib/query-state";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ metric: string }>; searchParams: Promise<Record<string, string | string[]>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Leaderboard: ${decodeURIComponent((await params).metric)}` };
}

export default async function MetricLeaderboard({ params, searchParams }: Props) {
  return <LeaderboardPage metric={decodeURIComponent((await params).metric)} state={queryState(await searchParams)} />;
}
