/**
 * Gives back the cells of runs that died without saying so, before a run claims its own.
 */
import { hostname } from "node:os";
import { activeRunners, logEvent, releaseCells, type Store } from "@hemlock/store";

/**
 * A run killed outright (kill -9, a power cut) leaves its cells "running". Runners on this host
 * whose process is gone are released at once; elsewhere the heartbeat's staleness decides.
 */
export function releaseDeadRunners(store: Store): void {
  for (const runner of activeRunners(store)) {
    const [host, pid] = runner.split(":");
    if (host !== hostname() || pid === undefined || Number(pid) === process.pid) continue;
    if (!processAlive(Number(pid))) {
      const released = releaseCells(store, runner);
      logEvent(store, { kind: "runner-dead", payload: { runner, released } });
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
