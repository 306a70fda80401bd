/**
 * Every URL the app links to, in one place: under the build's base path (a published site can live
 * under /sub), ending in a slash (a published page is a folder's index.html), with names encoded.
 * Links are plain anchors, so the published site needs nothing but files.
 */
const BASE = process.env.NEXT_PUBLIC_HEMLOCK_BASE_PATH ?? "";

export function href(path: string, query?: Record<string, string | undefined>): string {
  const slashed = path.endsWith("/") ? path : `${path}/`;
  const search = new URLSearchParams(
    Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""),
  ).toString();
  return `${BASE}${slashed}${search ? `?${search}` : ""}`;
}

// Dots are escaped too: Next treats a last segment with a dot as a file and drops its trailing slash.
const part = (name: string) => encodeURIComponent(name).replaceAll(".", "%2E");

/** The registry name a label starts with ("blended alpha=0.1" -> "blended"). */
export function pluginName(label: string): string {
  return label.split(" ")[0] as string;
}

export const paths = {
  leaderboard: (metric?: string, query?: Record<string, string | undefined>) =>
    href(metric ? `/leaderboard/${part(metric)}` : "/", query),
  experiments: () => href("/experiments"),
  experiment: (name: string, query?: Record<string, string | undefined>) => href(`/experiments/${part(name)}`, query),
  // One page for every cell, which a published site serves as one file that reads a shard of cells.
  cell: (identity: string) => href("/cells", { id: identity }),
  defense: (label: string, pair?: { dataset: string; model: string }) =>
    href(`/defenses/${part(pluginName(label))}${pair ? `/${part(pair.dataset)}/${part(pair.model)}` : ""}`),
  attack: (label: string, pair?: { dataset: string; model: string }) =>
    href(`/attacks/${part(pluginName(label))}${pair ? `/${part(pair.dataset)}/${part(pair.model)}` : ""}`),
  // A pair has one page, its names in alphabetical order: a published site holds each pair once.
  compare: (a?: string, b?: string) => {
    if (!a || !b) return href("/compare");
    const [x, y] = [a, b].sort();
    return href(`/compare/${part(x as string)}/${part(y as string)}`);
  },
  reproductions: () => href("/reproductions"),
  /** A data file the browser fetches (a board, a shard of cells): a file, so no trailing slash. */
  data: (...parts: string[]) => `${BASE}/data/${parts.map(encodeURIComponent).join("/")}`,
  boardData: (metric: string) => paths.data("boards", `${metric}.json`),
};
