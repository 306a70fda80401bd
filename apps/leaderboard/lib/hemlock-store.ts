/**
 * @hemlock/store, loaded by Node at run time rather than bundled: it finds its migrations beside
 * its own files (new URL("../drizzle/", import.meta.url)) and loads a native SQLite binding, and
 * neither survives bundling. The ignore comments keep webpack and Turbopack from following it.
 */
import type * as StoreModule from "@hemlock/store";

export type HemlockStore = typeof StoreModule;

let loaded: Promise<HemlockStore> | undefined;

export function hemlockStore(): Promise<HemlockStore> {
  loaded ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "@hemlock/store");
  return loaded;
}
