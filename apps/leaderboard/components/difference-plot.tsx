"use client";
/** The per-setting differences of a comparison, from the shared Vega-Lite spec. */
import { type DifferencePoint, differenceChart } from "@hemlock/store/portable";
import { useMemo } from "react";
import { VegaChart } from "./vega-chart";

export function DifferencePlot({ points, title, unit }: { points: DifferencePoint[]; title: string; unit: string }) {
  const spec = useMemo(() => differenceChart(points, title, unit), [points, title, unit]);
  return <VegaChart spec={spec} label="paired differences" />;
}
