/**
 * A trained model's curve: training loss and accuracy per epoch (and validation loss and accuracy
 * when the run held out a validation split), one panel for loss and one for accuracy.
 */
import type { TopLevelSpec } from "vega-lite";

export interface CurvePoint {
  epoch: number;
  loss: number;
  accuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
}

export function trainingCurveChart(history: readonly CurvePoint[], title: string): TopLevelSpec {
  const values = history.flatMap((h) => [
    { epoch: h.epoch + 1, panel: "loss", series: "training", value: h.loss },
    ...(h.valLoss !== undefined ? [{ epoch: h.epoch + 1, panel: "loss", series: "validation", value: h.valLoss }] : []),
    ...(h.accuracy !== undefined
      ? [{ epoch: h.epoch + 1, panel: "accuracy (%)", series: "training", value: 100 * h.accuracy }]
      : []),
    ...(h.valAccuracy !== undefined
      ? [{ epoch: h.epoch + 1, panel: "accuracy (%)", series: "validation", value: 100 * h.valAccuracy }]
      : []),
  ]);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: "training: mean over the epoch's batches as they were trained" },
    data: { values },
    facet: { column: { field: "panel", type: "nominal", title: null, sort: ["loss", "accuracy (%)"] } },
    resolve: { scale: { y: "independent" } },
    spec: {
      width: 260,
      height: 170,
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "epoch", type: "quantitative", title: "epoch", axis: { tickMinStep: 1 } },
        y: { field: "value", type: "quantitative", title: null, scale: { zero: false } },
        color: { field: "series", type: "nominal", title: null },
      },
    },
  };
}
