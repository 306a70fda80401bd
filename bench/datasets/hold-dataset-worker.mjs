// A worker that receives a dataset, keeps it (as a runner worker caches its dataset across
// cells), reads every value, and reports what it holds.
let held;

export default function holdDataset({ train }) {
  held = train;
  let sum = 0;
  for (let i = 0; i < held.x.length; i += 1) sum += held.x[i];
  return { sum, shared: held.x.buffer instanceof SharedArrayBuffer, bytes: held.x.byteLength + held.labels.byteLength };
}
