/** Every metric the store records, under its family, each linking to its leaderboard. */
import { METRIC_GROUPS } from "@hemlock/core/metric-names";
import { hemlockStore } from "../lib/hemlock-store";
import { isStoreProblem, readStore } from "../lib/results-store";
import { paths } from "../lib/site-paths";
import { StoreProblemView } from "./store-problem-view";

export async function MetricList() {
  const h = await hemlockStore();
  const metrics = await readStore((store) => h.metricCatalog(store));
  if (isStoreProblem(metrics)) return <StoreProblemView {...metrics} />;
  return (
    <>
      {METRIC_GROUPS.filter((g) => metrics.some((m) => m.group === g)).map((g) => (
        <section key={g}>
          <h3>{g}</h3>
          <ul>
            {metrics
              .filter((m) => m.group === g)
              .map((m) => (
                <li key={m.name}>
                  <a href={paths.leaderboard(m.name)}>{m.title}</a> <code>{m.name}</code>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
