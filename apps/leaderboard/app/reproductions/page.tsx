/** Published results against Hemlock's measurements: the checks `hemlock repro` recorded. */
import { ReproductionsView } from "../../components/reproductions-view";
import { reproductionTargets } from "../../lib/reproduction-targets";
import { withStore } from "../../lib/results-store";

export const dynamic = "force-dynamic";

export default async function ReproductionsPage() {
  const targets = await withStore(reproductionTargets);
  return (
    <>
      <h1>Reproductions</h1>
      <ReproductionsView targets={targets} />
    </>
  );
}
