/**
 * Holm's step-down correction (as R's p.adjust(method = "holm")): sort the p-values, multiply the
 * i-th smallest by (m - i + 1), carry the running maximum, cap at 1, and return them in the
 * original order. It controls the family-wise error over the settings a comparison spans.
 */
export function holmAdjust(p: readonly number[]): number[] {
  const m = p.length;
  const order = [...p.keys()].sort((a, b) => (p[a] as number) - (p[b] as number));
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, i) => {
    running = Math.max(running, Math.min(1, (m - i) * (p[index] as number)));
    adjusted[index] = running;
  });
  return adjusted;
}
