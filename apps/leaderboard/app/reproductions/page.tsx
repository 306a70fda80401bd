/** Published results against Hemlock's measurements: the checks `hemlock repro` recorded. */
import { ReproductionsView } from "../../components/reproductions-view";
import { StoreProblemView } from "../../components/store-problem-view";
import { reproductionTargets } from "../../lib/reproduction-targets";
import { isStoreProblem, readStore } from "../../lib/results-store";

export const dynamic = "force-dynamic";

export default async function ReproductionsPage() {
  const targets = await readStore(reproductionTargets);
  return (
    <>
      <h1>Reproductions</h1>
      {isStoreProblem(targets) ? <StoreProblemView {...targets} /> : <ReproductionsView targets={targets} />}
    </>
  );
}
