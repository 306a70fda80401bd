/**
 * Privacy accounting for DP-SGD: the Renyi differential privacy of the Poisson-subsampled Gaussian
 * mechanism (Mironov, Talwar, Zhang 2019) at integer orders, composed over training steps, and its
 * conversion to (epsilon, delta)-DP with the tighter bound of Balle et al. 2020 (as Google's
 * dp_accounting does). Only integer orders are used, so epsilon is at most slightly above what an
 * accountant that also searches fractional orders reports: never below the true bound.
 */

/** The integer orders searched by default: 2..64, then powers up to 1024. */
export const DEFAULT_RDP_ORDERS: readonly number[] = [
  ...Array.from({ length: 63 }, (_, i) => i + 2),
  80,
  96,
  128,
  192,
  256,
  512,
  1024,
];

function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * log A_alpha = log sum_k C(alpha, k) (1 - q)^(alpha - k) q^k exp((k^2 - k) / (2 sigma^2)): the
 * binomial expansion of E[(mu / mu0)^alpha] for an integer order (Mironov et al. 2019, Section 3.3).
 */
function logAInteger(q: number, sigma: number, order: number): number {
  let logA = Number.NEGATIVE_INFINITY;
  let logBinomial = 0;
  for (let k = 0; k <= order; k++) {
    if (k > 0) logBinomial += Math.log(order - k + 1) - Math.log(k);
    const term = logBinomial + k * Math.log(q) + (order - k) * Math.log1p(-q) + (k * k - k) / (2 * sigma * sigma);
    logA = logAddExp(logA, term);
  }
  return logA;
}

/**
 * RDP at each order of `steps` compositions of the Gaussian mechanism with noise multiplier sigma
 * (noise sd / clipping norm) applied to a Poisson sample with rate q.
 */
export function sampledGaussianRdp(
  q: number,
  sigma: number,
  steps: number,
  orders: readonly number[] = DEFAULT_RDP_ORDERS,
): Float64Array {
  return Float64Array.from(orders, (order) => {
    if (!Number.isInteger(order) || order < 2) throw new RangeError(`RDP order must be an integer >= 2, got ${order}`);
    if (q === 0) return 0;
    if (sigma === 0) return Number.POSITIVE_INFINITY;
    const single = q === 1 ? order / (2 * sigma * sigma) : logAInteger(q, sigma, order) / (order - 1);
    return steps * single;
  });
}

/** The smallest epsilon over the orders for the given delta, with the order that attains it. */
export function epsilonFromRdp(
  rdp: ArrayLike<number>,
  delta: number,
  orders: readonly number[] = DEFAULT_RDP_ORDERS,
): { epsilon: number; order: number } {
  let best = { epsilon: Number.POSITIVE_INFINITY, order: Number.NaN };
  orders.forEach((order, i) => {
    const r = rdp[i] as number;
    // delta <= sqrt(1 - exp(-KL)) already holds: no privacy loss needs to be spent.
    const epsilon =
      delta * delta + Math.expm1(-r) > 0 ? 0 : r + Math.log1p(-1 / order) - Math.log(delta * order) / (order - 1);
    if (epsilon < best.epsilon) best = { epsilon, order };
  });
  return { epsilon: Math.max(0, best.epsilon), order: best.order };
}
