/**
 * Seeded weight initializers. tfjs initializers draw from Math.random unless given a seed, so
 * every Hemlock model takes its kernels' seeds from a SeededRandom stream, one per layer.
 */
import { tf } from "../backend/tf.js";
import type { SeededRandom } from "../random/seeded-random.js";

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

export function glorotUniform(random: SeededRandom): Initializer {
  return tf.initializers.glorotUniform({ seed: random.uint32() });
}

export function heNormal(random: SeededRandom): Initializer {
  return tf.initializers.heNormal({ seed: random.uint32() });
}
