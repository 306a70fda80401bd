/**
 * Reads IDX files (LeCun's format for MNIST and Fashion-MNIST), gzipped as distributed:
 * a big-endian magic number (0x0803 images, 0x0801 labels), the dimension sizes, then bytes.
 */
import { gunzipSync } from "node:zlib";

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

export function parseIdx(gzipped: Uint8Array, file: string): IdxArray {
  const raw = gunzipSync(gzipped);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const magic = view.getUint32(0);
  if (magic >>> 8 !== 0x08) {
    throw new Error(`${file}: not an unsigned-byte IDX file (magic 0x${magic.toString(16)})`);
  }
  const rank = magic & 0xff;
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const offset = 4 + 4 * rank;
  const size = dims.reduce((a, b) => a * b, 1);
  if (raw.byteLength !== offset + size) {
    throw new Error(`${file}: IDX header promises ${size} values, file holds ${raw.byteLength - offset}`);
  }
  return { dims, data: raw.subarray(offset) };
}
