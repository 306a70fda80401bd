/**
 * @hemlock/store (its queries) and @hemlock/store/reports (what is computed from them), loaded
 * by Node at run time rather than bundled: the store finds its migrations beside its own files
 * (new URL("../../drizzle/", import.meta.url)) and loads a native SQLite binding, and neither
 * survives bundling. The ignore comments keep webpack and Turbopack from following them.
 */
import type * as StoreModule from "@hemlock/store";
import type * as ReportsModule from "@hemlock/store/reports";

export type HemlockStore = typeof StoreModule & typeof ReportsModule;

let loaded: Promise<HemlockStore> | undefined;

export function hemlockStore(): Promise<HemlockStore> {
  loaded ??= Promise.all([
    import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "@hemlock/store"),
    import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "@hemlock/store/reports"),
  ]).then(([store, reports]) => ({ ...store, ...reports }));
  return loaded;
}
