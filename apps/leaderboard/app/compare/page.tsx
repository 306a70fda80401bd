/** Pick two defenses to compare in every setting they share. */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ComparePicker } from "../../components/compare-picker";
import { StoreProblemView } from "../../components/store-problem-view";
import { hemlockStore } from "../../lib/hemlock-store";
import { isStoreProblem, readStore } from "../../lib/results-store";
import { paths, pluginName } from "../../lib/site-paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ a?: string; b?: string }> }) {
  const { a, b } = await searchParams;
  if (a && b) redirect(paths.compare(a, b));
  const h = await hemlockStore();
  const defenses = await readStore((store) =>
    [...new Set(h.leaderboard(store, { metrics: ["cleanAccuracy"] }).map((r) => pluginName(r.defense)))].sort(),
  );
  return (
    <>
      <h1>Compare two defenses</h1>
      <p className="note">
        Paired by seed in every setting both ran in (cells that differ only by defense), with the paired t-test and the
        Wilcoxon signed-rank test, Holm-corrected over the settings, as <code>hemlock compare A B</code>.
      </p>
      {isStoreProblem(defenses) ? <StoreProblemView {...defenses} /> : <ComparePicker defenses={defenses} />}
    </>
  );
}
