"use client";
/**
 * A view's state kept in its URL's query string, so a link shows what its sender saw: read once
 * the page is in the browser (a published page is the same file for every query), written back
 * with history.replaceState as the state changes, without reloading.
 */
import { useCallback, useEffect, useState } from "react";

export type UrlState = Record<string, string>;

export function useUrlState(initial: UrlState = {}): [UrlState, (change: UrlState) => void] {
  const [state, setState] = useState<UrlState>(initial);
  useEffect(() => {
    setState(Object.fromEntries(new URLSearchParams(window.location.search)));
  }, []);
  const update = useCallback((change: UrlState) => {
    setState((previous) => {
      const next = { ...previous, ...change };
      for (const [k, v] of Object.entries(next)) if (v === "") delete next[k];
      const search = new URLSearchParams(next).toString();
      window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
      return next;
    });
  }, []);
  return [state, update];
}
