/**
 * How a published site splits its cells into data files: by the first hex digits of the cell's
 * identity, as few digits as keep a shard under CELLS_PER_SHARD cells (16 shards up to 8,000
 * cells, 256 up to 128,000), so a 100k-cell site is 256 files of a few hundred cells, not 100,000
 * pages, and a cell page fetches one file.
 */
export const CELLS_PER_SHARD = 500;

export function shardLength(cells: number): number {
  let length = 1;
  while (cells / 16 ** length > CELLS_PER_SHARD) length++;
  return length;
}
