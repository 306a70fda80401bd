// One core's floating-point throughput, with nothing of Hemlock's in the way: eight independent
// multiply-add chains (so the loop is bound by the core's arithmetic units, not by latency) for a
// fixed count. bench/runner runs it pinned to each core alone and to both at once (taskset): on
// a VM whose two vCPUs share a physical core, or whose host gives one of them less time, the
// numbers differ, and that bounds any speed-up of two workers over one.
const n = Number(process.argv[2] ?? 4e8);
const m = 0.9999999;
const c = 1e-7;
let [a0, a1, a2, a3, a4, a5, a6, a7] = [2, 2, 2, 2, 2, 2, 2, 2];
const start = performance.now();
for (let i = 0; i < n; i++) {
  a0 = a0 * m + c;
  a1 = a1 * m + c;
  a2 = a2 * m + c;
  a3 = a3 * m + c;
  a4 = a4 * m + c;
  a5 = a5 * m + c;
  a6 = a6 * m + c;
  a7 = a7 * m + c;
}
const seconds = (performance.now() - start) / 1000;
// Print the sum too, so the loop cannot be optimized away.
console.log(JSON.stringify({ seconds, check: a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 }));
