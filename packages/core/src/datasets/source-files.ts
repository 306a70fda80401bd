/**
 * A source file of a dataset: where it lives in the data directory (in the layout of the
 * upstream distribution), its published size and SHA-256, and where it can be downloaded.
 */

export interface SourceFile {
  path: string;
  bytes: number;
  sha256: string;
  /** Canonical public sources, tried in order by `hemlock data fetch`. */
  urls: string[];
  /** A copy shipped inside @hemlock/core (relative to its data/ folder), used when the data directory lacks the file. */
  bundled?: string;
}
