/**
 * The one JS-side source of randomness. Everything Hemlock draws on the JS side (shuffles,
 * subsets, poison choices, tfjs initializer seeds) comes from a SeededRandom built from the
 * run's seed, so a seed fixes a run. Math.random is never used.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

export class SeededRandom {
  private readonly generator: RandomGenerator;

  constructor(readonly seed: number) {
    if (!Number.isInteger(seed)) {
      throw new RangeError(`seed must be an integer, got ${seed}`);
    }
    // xoroshiro128+ is fast, passes BigCrush, and pure-rand's implementation is stable across versions.
    this.generator = xoroshiro128plus(seed | 0);
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    return this.generator.next() >>> 0;
  }

  /** A uniform float in [0, 1) with 53 bits of precision. */
  float(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) {
      throw new RangeError(`int(n) needs a positive integer n, got ${n}`);
    }
    return uniformInt(this.generator, 0, n - 1);
  }

  /** A standard normal draw (Box-Muller). */
  normal(): number {
    let u = 0;
    while (u === 0) u = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /** Shuffles in place (Fisher-Yates) and returns the array. */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return this.shuffle(out);
  }

  /**
   * An independent child stream, derived from this seed and a label, for a sub-task
   * (for example "init" or "shuffle"), so adding draws to one stream never shifts another.
   */
  fork(label: string): SeededRandom {
    return new SeededRandom(deriveSeed(this.seed, label));
  }
}

/** Mixes a seed and a label into a new 31-bit seed (FNV-1a, then a murmur3 finalizer). */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 1;
}
