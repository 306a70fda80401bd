/** The leaderboard ranked by one metric; an unknown metric lists the ones the store records. */
import type { Metadata } from "next";
import { LeaderboardPage } from "../../../components/leaderboard-page";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ metric: string }> }): Promise<Metadata> {
  return { title: `Leaderboard: ${decodeURIComponent((await params).metric)}` };
}

export default async function MetricLeaderboard({ params }: { params: Promise<{ metric: string }> }) {
  return <LeaderboardPage metric={decodeURIComponent((await params).metric)} />;
}
