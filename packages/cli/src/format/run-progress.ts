/**
 * How `hemlock run` reports progress. On a terminal: a live bar (cli-progress) with the status
 * counts (running, finished, failed, cached) and an ETA, failures printed above it as they
 * happen. Elsewhere: one plain line per cell. With --json: newline-delimited JSON events.
 */
import type { RunEvent } from "@hemlock/runner";
import { SingleBar } from "cli-progress";

export interface ProgressReporter {
  onEvent(event: RunEvent): void;
  stop(): void;
}

type CellEvent = Extract<RunEvent, { type: "cell" }>;

export function describeCell(config: CellEvent["config"]): string {
  return `${config.dataset.name} ${config.model.name} ${config.attack ? `${config.attack.name}@${config.rate}` : "clean"} ${config.defense.name} seed ${config.seed}`;
}

/**
 * `handedOut` names the cells handed to the executor and not yet back: "running" for the local
 * pool, "queued or running" for a queue, which takes every group at once.
 */
export function progressReporter(mode: "tty" | "lines" | "json", handedOut = "running"): ProgressReporter {
  if (mode === "json") return { onEvent: (e) => console.log(JSON.stringify(eventJson(e))), stop: () => {} };
  if (mode === "lines") return linesReporter();
  return barReporter(handedOut);
}

function eventJson(event: RunEvent): unknown {
  if (event.type !== "cell") return event;
  const { outcome, config, ...rest } = event;
  const { stack: _stack, ...brief } = outcome;
  return { ...rest, ...brief, setting: describeCell(config) };
}

function linesReporter(): ProgressReporter {
  const started = Date.now();
  return {
    onEvent(event) {
      if (event.type === "start")
        console.log(
          `${event.total} cells: ${event.done} already done, ${event.toRun} to run in ${event.groups} groups`,
        );
      else if (event.type === "cell") {
        const { outcome } = event;
        const done = event.finished + event.failed;
        const elapsed = (Date.now() - started) / 1000;
        const eta = done > 0 ? ((event.toRun - done) * elapsed) / done : 0;
        console.log(
          `[${done}/${event.toRun}] ${describeCell(event.config)}: ${summarize(event)} (${((outcome.finishedAt - outcome.startedAt) / 1000).toFixed(1)} s; eta ${Math.round(eta)} s)`,
        );
      } else if (event.type === "skipped") console.log(`skipped ${event.identity.slice(0, 12)}: ${event.reason}`);
    },
    stop() {},
  };
}

function barReporter(handedOut: string): ProgressReporter {
  const bar = new SingleBar({
    format: `{bar} {value}/{total} | ${handedOut} {running} | finished {finished} | failed {failed} | cached {cached} | ETA {eta_formatted}`,
    hideCursor: true,
    etaBuffer: 20,
  });
  let running = 0;
  let cached = 0;
  return {
    onEvent(event) {
      if (event.type === "start") {
        cached = event.done;
        bar.start(event.toRun, 0, { running, finished: 0, failed: 0, cached });
      } else if (event.type === "group") {
        running += event.cells;
        bar.update({ running });
      } else if (event.type === "cell") {
        running--;
        if (event.outcome.status === "failed") {
          // Written above the bar, which redraws below it.
          process.stdout.write(`\r\x1b[2KFAILED ${describeCell(event.config)}: ${event.outcome.error}\n`);
        }
        bar.update(event.finished + event.failed, { running, finished: event.finished, failed: event.failed, cached });
      }
    },
    stop: () => bar.stop(),
  };
}

function summarize(event: CellEvent): string {
  const m = event.outcome.metrics;
  if (event.outcome.status === "failed") return `FAILED: ${event.outcome.error}`;
  return `clean acc ${pct(m?.cleanAccuracy)}${m?.attackSuccessRate != null ? `, ASR ${pct(m.attackSuccessRate)}` : ""}`;
}

function pct(v: number | null | undefined): string {
  return v == null ? "n/a" : `${(100 * v).toFixed(2)}%`;
}
