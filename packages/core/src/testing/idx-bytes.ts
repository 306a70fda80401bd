/** Builds a gzipped unsigned-byte IDX file in memory, for tests of the MNIST-format readers. */
import { gzipSync } from "node:zlib";

export function idxBytes(dims: number[], values: number[]): Uint8Array {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(0x0800 + dims.length, 0);
  dims.forEach((d, i) => {
    header.writeUInt32BE(d, 4 + 4 * i);
  });
  return gzipSync(Buffer.concat([header, Buffer.from(values)]));
}
