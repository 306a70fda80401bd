/** The shape of one `hemlock doctor` check: a section with items, each ok, warn or fail. */

export type CheckStatus = "ok" | "warn" | "fail";

export interface CheckItem {
  label: string;
  status: CheckStatus;
  detail: string;
  /** What to do about a warn or fail. */
  fix?: string;
}

export interface CheckSection {
  title: string;
  status: CheckStatus;
  summary: string;
  items: CheckItem[];
}

/** The worst status among the items: fail over warn over ok. */
export function worstStatus(items: { status: CheckStatus }[]): CheckStatus {
  if (items.some((i) => i.status === "fail")) return "fail";
  if (items.some((i) => i.status === "warn")) return "warn";
  return "ok";
}
