// A pool worker with pool-worker's contract whose cells do no work: each is reported finished at
// once with one metric, so bench/runner times the orchestration alone (pool, messages, store).
export const GROUP_DONE = "group-done";

export default async function trivialGroup({ job, port }) {
  for (const cell of job.cells) {
    const now = Date.now();
    port.postMessage({
      identity: cell.identity,
      status: "finished",
      metrics: { cleanAccuracy: 1 },
      startedAt: now,
      finishedAt: now,
      provenance: { worker: "trivial" },
      trainings: 0,
      artifacts: [],
    });
  }
  port.postMessage(GROUP_DONE);
  port.close();
}
