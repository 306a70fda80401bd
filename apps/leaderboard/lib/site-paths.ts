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
  cell: (identity: string) => href(`/cells/${part(identity)}`),
  defense: (label: string) => href(`/defenses/${part(pluginName(label))}`),
  attack: (label: string) => href(`/attacks/${part(pluginName(label))}`),
  compare: (a?: string, b?: string) => (a && b ? href(`/compare/${part(a)}/${part(b)}`) : href("/compare")),
  reproductions: () => href("/reproductions"),
};
