/** Published results against Hemlock's measurements: the checks `hemlock repro` recorded. */
import type { Metadata } from "next";
import { ReproductionsView } from "../../components/reproductions-view";
import { StoreProblemView } from "../../components/store-problem-view";
import { hemlockStore } from "../../lib/hemlock-store";
import { isStoreProblem, readStore } from "../../lib/results-store";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reproductions" };

export default async function ReproductionsPage() {
  const h = await hemlockStore();
  const targets = await readStore((store) => h.reproductionTargets(store));
  return (
    <>
      <h1>Reproductions</h1>
      {isStoreProblem(targets) ? <StoreProblemView {...targets} /> : <ReproductionsView targets={targets} />}
    </>
  );
}
