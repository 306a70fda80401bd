/**
 * `hemlock bundle import`: adds a bundle's experiment and cells to a store. The bundle is checked
 * first (its shape, then every checksum), then written in one transaction: cells already present
 * with identical content are skipped (importing twice changes nothing), and a cell or experiment
 * that exists with different content is a conflict that aborts the import, naming it. Nothing
 * already in the store is ever overwritten.
 */
import { canonicalJson, HemlockError } from "@hemlock/core/portable";
import { asc, eq, inArray } from "drizzle-orm";
import type { Store } from "../database/open-store.js";
import { cells, experimentCells, experiments, metrics } from "../database/schema.js";
import { type Bundle, type BundledCell, bundleChecksums, bundleSchema, cellChecksum, sha256 } from "./bundle-format.js";
import { bundledCell } from "./export-bundle.js";

export interface ImportReport {
  experiment: string;
  /** Whether the experiment was new to the store. */
  createdExperiment: boolean;
  added: number;
  /** Cells the store already held, identical. */
  present: number;
}

/** Checks a parsed bundle file (`source` names it in errors) and returns it typed. */
export function verifyBundle(data: unknown, source: string): Bundle {
  const parsed = bundleSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as { path: PropertyKey[]; message: string };
    const path = issue.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .slice(1);
    throw new HemlockError(
      "INVALID_ARGUMENT",
      `${source}: ${path || "(top level)"}: ${issue.message}`,
      "A bundle is the file `hemlock bundle export` writes.",
    );
  }
  const bundle = parsed.data;
  const damaged = (what: string) =>
    new HemlockError(
      "INVALID_ARGUMENT",
      `${source}: ${what} does not match its checksum: the bundle was changed after export`,
      "Export the bundle again from the store it came from.",
    );
  if (sha256(bundle.experiment.specText) !== bundle.experiment.specHash) throw damaged("experiment.specText");
  bundle.cells.forEach((cell, i) => {
    if (cellChecksum(cell) !== cell.sha256) throw damaged(`cells[${i}] (cell ${cell.identity})`);
  });
  const expected = bundleChecksums(bundle.experiment, bundle.cells);
  if (expected.experiment !== bundle.checksums.experiment) throw damaged("experiment");
  if (expected.cells !== bundle.checksums.cells) throw damaged("the list of cells");
  return bundle;
}

export function importBundle(store: Store, bundle: Bundle): ImportReport {
  return store.sqlite.transaction((): ImportReport => {
    const { name, specText, specHash } = bundle.experiment;
    const existing = store.db.select().from(experiments).where(eq(experiments.name, name)).get();
    if (existing && existing.specHash !== specHash)
      throw new HemlockError(
        "STORE",
        `experiment "${name}" exists in ${store.path} with a different spec (sha256 ${existing.specHash.slice(0, 12)}, the bundle's ${specHash.slice(0, 12)})`,
        "Import into another store, or rename one of the experiments.",
      );
    const now = new Date();
    const experimentId =
      existing?.id ??
      (
        store.db
          .insert(experiments)
          .values({ name, specText, specHash, createdAt: now, updatedAt: now })
          .returning({ id: experiments.id })
          .get() as { id: number }
      ).id;
    const local = localCells(
      store,
      bundle.cells.map((c) => c.identity),
    );
    let added = 0;
    let present = 0;
    let position = (
      store.sqlite
        .prepare("SELECT coalesce(max(position) + 1, 0) AS next FROM experiment_cells WHERE experiment_id = ?")
        .get(experimentId) as { next: number }
    ).next;
    for (const cell of bundle.cells) {
      const mine = local.get(cell.identity);
      if (mine) {
        if (mine.sha256 !== cell.sha256) throw conflict(store, cell, mine);
        present++;
      } else {
        insertCell(store, cell);
        added++;
      }
      store.db
        .insert(experimentCells)
        .values({ experimentId, identity: cell.identity, position: position++ })
        .onConflictDoNothing()
        .run();
    }
    return { experiment: name, createdExperiment: !existing, added, present };
  })();
}

function insertCell(store: Store, cell: BundledCell): void {
  const { metrics: values, sha256: _, config, chain, provenance, startedAt, finishedAt, ...columns } = cell;
  store.db
    .insert(cells)
    .values({
      ...columns,
      config: config as Record<string, unknown>,
      chain,
      provenance: (provenance ?? null) as Record<string, unknown> | null,
      startedAt: startedAt === null ? null : new Date(startedAt),
      finishedAt: finishedAt === null ? null : new Date(finishedAt),
    })
    .run();
  if (values.length > 0)
    store.db
      .insert(metrics)
      .values(values.map((m) => ({ ...m, identity: cell.identity })))
      .run();
}

/** The store's version of these cells, as bundle entries. */
function localCells(store: Store, identities: string[]): Map<string, BundledCell> {
  const out = new Map<string, BundledCell>();
  for (let i = 0; i < identities.length; i += 500) {
    const chunk = identities.slice(i, i + 500);
    const values = new Map<string, BundledCell["metrics"]>();
    for (const m of store.db
      .select()
      .from(metrics)
      .where(inArray(metrics.identity, chunk))
      .orderBy(asc(metrics.identity), asc(metrics.name))
      .all())
      values.set(m.identity, [
        ...(values.get(m.identity) ?? []),
        { name: m.name, value: m.value, specVersion: m.specVersion },
      ]);
    for (const c of store.db.select().from(cells).where(inArray(cells.identity, chunk)).all())
      out.set(c.identity, bundledCell(c, values.get(c.identity) ?? []));
  }
  return out;
}

function conflict(store: Store, theirs: BundledCell, mine: BundledCell): HemlockError {
  const fields = (Object.keys(theirs) as (keyof BundledCell)[]).filter(
    (k) => k !== "sha256" && canonicalJson(theirs[k]) !== canonicalJson(mine[k]),
  );
  return new HemlockError(
    "STORE",
    `cell ${theirs.identity} (${theirs.dataset}/${theirs.model}/${theirs.attack}/rate ${theirs.rate}/${theirs.defense}/seed ${theirs.seed}) exists in ${store.path} with different ${fields.join(", ") || "content"}: nothing was imported`,
    "The store keeps its own results; import into another store to compare them.",
  );
}
