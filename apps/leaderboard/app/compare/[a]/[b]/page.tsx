/**
 * Two defenses (or two attacks) in every setting they share, for attack success rate and clean accuracy: per
 * setting both means over the shared seeds, the paired difference with its 95% interval, the
 * paired t and Wilcoxon p, the chosen test Holm-corrected over settings, and wins, ties and
 * losses; as `hemlock compare A B` computes them. A chart shows the per-setting differences of
 * one dataset and model at a time (?dataset=&model=).
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CompareView } from "../../../../components/compare-view";
import { StoreProblemView } from "../../../../components/store-problem-view";
import { compareData } from "../../../../lib/compare-data";
import { queryState } from "../../../../lib/query-state";
import { isStoreProblem } from "../../../../lib/results-store";
import { paths } from "../../../../lib/site-paths";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ a: string; b: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { a, b } = await params;
  return { title: `${decodeURIComponent(a)} vs ${decodeURIComponent(b)}` };
}

export default async function ComparePair({ params, searchParams }: Props) {
  const { a: rawA, b: rawB } = await params;
  const [a, b] = [decodeURIComponent(rawA), decodeURIComponent(rawB)];
  const results = await compareData(a, b);
  if (isStoreProblem(results)) return <StoreProblemView {...results} />;
  if (!results) notFound();
  const state = queryState(await searchParams);
  const link = results.axis === "defense" ? paths.defense : paths.attack;
  return (
    <>
      <h1>
        <a href={link(a)}>{a}</a> vs <a href={link(b)}>{b}</a>
      </h1>
      <p className="note">
        A = {a}, B = {b} (a pair's page has its names in alphabetical order). Means over the seeds both share in each
        setting; p (Holm): the paired t-test corrected over the settings; a win is a significant difference in the
        better direction (α = 0.05).
      </p>
      <CompareView a={a} b={b} results={results} initialState={state} />
    </>
  );
}
