/**
 * How the pages write values: times in UTC with the zone named, a value that is undefined as
 * "n/a" with its reason, a 95% interval from one seed as "n/a" (it does not exist), and metric
 * values as the store formats them (percentages for shares).
 */
import { formatP, formatValue } from "@hemlock/store/portable";

export function utc(date: Date | string | number | null | undefined): string {
  if (date === null || date === undefined) return "n/a";
  const d = new Date(date);
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function value(metric: string, v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? "n/a" : formatValue(metric, v);
}

/** "90.0 ± 2.0"; with one seed the interval is undefined: "90.0 ± n/a". */
export function meanCi(metric: string, mean: number, ciHigh: number, n: number): string {
  return n > 1
    ? `${formatValue(metric, mean)} ± ${formatValue(metric, ciHigh - mean)}`
    : `${formatValue(metric, mean)} ± n/a`;
}

export const ONE_SEED = "one seed: no interval can be computed";

export function seconds(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "n/a";
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** "p < 0.001" or "p = 0.042". */
export function pText(p: number): string {
  const text = formatP(p);
  return text.startsWith("<") ? `p < ${text.slice(1)}` : `p = ${text}`;
}
