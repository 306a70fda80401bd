/** A metric the store does not record: a 404 that lists, by family, the metrics it does. */
import { MetricList } from "../../../components/metric-list";

export default function UnknownMetric() {
  return (
    <>
      <h1>No such metric</h1>
      <p role="alert">The results store records no metric by that name. Rank by one of these:</p>
      <MetricList />
    </>
  );
}
