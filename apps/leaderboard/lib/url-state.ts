"use client";
/**
 * A view's state kept in its URL's query string, so a link shows what its sender saw: the state
 * the server rendered for first (a served page's own query; none for a published page, which is
 * the same file for every query), then the location's once the page is in the browser, written
 * back with history.replaceState as the state changes, without reloading.
 */
import { useCallback, useEffect, useState } from "react";
import { queryState, type UrlState } from "./query-state";

export type { UrlState };

export function useUrlState(initial: UrlState = {}): [UrlState, (change: UrlState) => void] {
  const [state, setState] = useState<UrlState>(initial);
  useEffect(() => {
    setState(queryState(Object.fromEntries(new URLSearchParams(window.location.search))));
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
