/**
 * The leaderboard pages' data: the experiments in the store, and for one experiment and metric the
 * defenses ranked in each setting (mean with its 95% interval over seeds, interval ranks, the
 * difference from the best and its Holm-adjusted paired test), as `hemlock leaderboard` ranks them.
 */
import type { ExperimentSummary, Store } from "@hemlock/store";
import { hemlockStore } from "./hemlock-store";

export interface BoardRow {
  rank: number;
  defense: string;
  value: string;
  n: number;
  versusBest: string;
  significant: boolean;
}

export interface BoardSetting {
  title: string;
  rows: BoardRow[];
}

export interface ExperimentBoard {
  experiment: string;
  metric: string;
  metricTitle: string;
  higherIsBetter: boolean;
  metrics: string[];
  settings: BoardSetting[];
}

export async function experiments(store: Store): Promise<ExperimentSummary[]> {
  return (await hemlockStore()).listExperiments(store);
}

/** undefined when the store has no such experiment. */
export async function experimentBoard(
  store: Store,
  name: string,
  metric: string,
): Promise<ExperimentBoard | undefined> {
  const h = await hemlockStore();
  const experimentId = h.findExperiment(store, name);
  if (experimentId === undefined) return undefined;
  const settings = h.rankDefenses(store, { experimentId, metric });
  return {
    experiment: name,
    metric,
    metricTitle: h.metricTitle(metric),
    higherIsBetter: settings[0]?.higherIsBetter ?? true,
    metrics: h.metricNames(store),
    settings: settings.map((s) => ({
      title: `${s.dataset} · ${s.model} · ${s.attack} · rate ${s.rate}`,
      rows: s.entries.map((e) => ({
        rank: e.rank,
        defense: e.defense,
        value: e.n > 1 ? h.formatMeanCi(metric, e.mean, e.ciHigh) : h.formatValue(metric, e.mean),
        n: e.n,
        versusBest: e.versusBest
          ? `${e.versusBest.meanDifference >= 0 ? "+" : "−"}${h.formatValue(metric, Math.abs(e.versusBest.meanDifference))} (p ${h.formatP(e.versusBest.pAdjusted)})`
          : e.best
            ? "best"
            : "",
        significant: e.versusBest?.significant ?? false,
      })),
    })),
  };
}
