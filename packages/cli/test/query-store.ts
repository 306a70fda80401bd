/** Reads a results store the way a test checks what a command wrote: read-only, plain SQL. */
import Database from "better-sqlite3";

export function queryStore(db: string, sql: string): unknown[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all();
  } finally {
    d.close();
  }
}
