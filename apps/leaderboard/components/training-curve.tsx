"use client";
/** A cell's training curve (loss and accuracy per epoch), from the shared Vega-Lite spec. */
import { type CurvePoint, trainingCurveChart } from "@hemlock/store/portable";
import { useMemo } from "react";
import { VegaChart } from "./vega-chart";

export function TrainingCurve({ history, title }: { history: CurvePoint[]; title: string }) {
  const spec = useMemo(() => trainingCurveChart(history, title), [history, title]);
  return <VegaChart spec={spec} label="training curve" />;
}
