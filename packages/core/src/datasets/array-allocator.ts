/**
 * Allocates typed arrays either on the ordinary heap or in SharedArrayBuffers. Loaders allocate
 * through it, so a dataset meant for worker threads is built in shared memory once, not copied.
 */
export interface ArrayAllocator {
  shared: boolean;
  float32(length: number): Float32Array;
  int32(length: number): Int32Array;
}

export function arrayAllocator(shared: boolean): ArrayAllocator {
  const Buffer = shared ? SharedArrayBuffer : ArrayBuffer;
  return {
    shared,
    float32: (length) => new Float32Array(new Buffer(length * 4)),
    int32: (length) => new Int32Array(new Buffer(length * 4)),
  };
}
