/** Pick two defenses, or two attacks, to compare in every setting they share. */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ComparePicker } from "../../components/compare-picker";
import { StoreProblemView } from "../../components/store-problem-view";
import { cachedLeaderboard } from "../../lib/leaderboard-data";
import { isStoreProblem } from "../../lib/results-store";
import { paths, pluginName } from "../../lib/site-paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ a?: string; b?: string }> }) {
  const { a, b } = await searchParams;
  if (a && b) redirect(paths.compare(a, b));
  const board = await cachedLeaderboard("cleanAccuracy");
  const names = (of: "defense" | "attack") =>
    isStoreProblem(board) || !board.known ? [] : [...new Set(board.board.rows.map((r) => pluginName(r[of])))].sort();
  return (
    <>
      <h1>Compare two defenses, or two attacks</h1>
      <p className="note">
        Paired by seed in every setting both ran in (cells that differ only by the defense, or only by the attack), with
        the paired t-test and the Wilcoxon signed-rank test, Holm-corrected over the settings, as{" "}
        <code>hemlock compare A B</code>.
      </p>
      {isStoreProblem(board) ? (
        <StoreProblemView {...board} />
      ) : (
        <ComparePicker defenses={names("defense")} attacks={names("attack").filter((n) => n !== "none")} />
      )}
    </>
  );
}
