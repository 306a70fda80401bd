/**
 * Runs one kernel on two backends and measures how far apart the results are. The reference is
 * the pure-JS cpu backend, which tfjs tests every other backend against.
 */
import { tf } from "../backend/tf.js";
import type { SeededRandom } from "../random/seeded-random.js";

export interface KernelCase {
  kernel: string;
  inputs: Record<string, { shape: number[]; values: Float32Array }>;
  attrs: Record<string, unknown>;
}

async function runOn(backend: string, c: KernelCase): Promise<{ shape: number[]; values: Float32Array }> {
  await tf.setBackend(backend);
  const inputs = Object.fromEntries(
    Object.entries(c.inputs).map(([k, v]) => [k, tf.tensor(v.values, v.shape, "float32")]),
  );
  const out = tf.engine().runKernel(c.kernel, inputs, c.attrs as tf.NamedAttrMap) as tf.Tensor;
  const result = { shape: out.shape, values: (await out.data()) as Float32Array };
  tf.dispose([out, ...Object.values(inputs)]);
  return result;
}

/** ||a - b||_inf / ||b||_inf, with b the reference. 0 when both are all zero. */
export function relativeError(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs((a[i] as number) - (b[i] as number)));
    scale = Math.max(scale, Math.abs(b[i] as number));
  }
  return scale === 0 ? diff : diff / scale;
}

export async function compareWithCpu(
  backend: string,
  c: KernelCase,
): Promise<{ error: number; shape: number[]; cpuShape: number[] }> {
  const reference = await runOn("cpu", c);
  const actual = await runOn(backend, c);
  return { error: relativeError(actual.values, reference.values), shape: actual.shape, cpuShape: reference.shape };
}

export function randomValues(random: SeededRandom, shape: number[]): { shape: number[]; values: Float32Array } {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = random.normal();
  return { shape, values };
}

export function randomInt(random: SeededRandom, lo: number, hi: number): number {
  return lo + random.int(hi - lo + 1);
}
