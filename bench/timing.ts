/**
 * Interleaved timing for benchmarks. Each round runs every contender for a short block of
 * back-to-back calls, as a training loop does (so caches are as warm as in real use); rounds
 * interleave the blocks, so slow drift in machine speed (frequency scaling, a neighbour's load)
 * hits every contender alike. The first calls of a block are warm-ups; the median over the rest
 * shrugs off the odd garbage-collection pause.
 */
export type Outcome = { ms: number } | { error: string };

export interface Contender {
  name: string;
  /** Prepares the contender before its run in a round (e.g. switches kernels); not timed. */
  before?: () => Promise<void> | void;
  run: () => void;
}

export async function timeInterleaved(
  contenders: Contender[],
  rounds: number,
  { block = 4, warmup = 1 } = {},
): Promise<Map<string, Outcome>> {
  const samples = new Map<string, number[]>();
  const failures = new Map<string, string>();
  for (let round = 0; round < rounds; round++) {
    for (const c of contenders) {
      if (failures.has(c.name)) continue;
      await c.before?.();
      for (let call = 0; call < block; call++) {
        const t0 = performance.now();
        try {
          c.run();
        } catch (error) {
          failures.set(c.name, ((error as Error).message.split("\n")[0] as string).trim());
          break;
        }
        const ms = performance.now() - t0;
        if (call >= warmup) samples.set(c.name, [...(samples.get(c.name) ?? []), ms]);
      }
    }
  }
  const results = new Map<string, Outcome>();
  for (const c of contenders) {
    const failure = failures.get(c.name);
    const list = (samples.get(c.name) ?? []).sort((a, b) => a - b);
    results.set(
      c.name,
      failure !== undefined ? { error: failure } : { ms: list[Math.floor(list.length / 2)] as number },
    );
  }
  return results;
}
