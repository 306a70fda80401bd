/**
 * bench/kernels: GFLOP/s of each kernel Hemlock installs on the wasm backend, before (stock
 * tfjs-backend-wasm) and after, and samples/s of a batch-128 training step of an MLP 784-256-10
 * and of the BadNets CNN. Checks the targets of the foundation issue, prints a table, and writes
 * bench/results/kernels.json. Run: pnpm bench:kernels
 */
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import {
  buildBadnetsCnn,
  buildMlp,
  buildOptimizer,
  loadBackend,
  meanLoss,
  registerWasmKernels,
  trainingStep,
  unregisterWasmKernels,
} from "@hemlock/core";
import * as tf from "@tensorflow/tfjs";
import { type Contender, type Outcome, timeInterleaved } from "../timing.js";
import { KERNEL_CASES } from "./kernel-cases.js";

const VARIANTS = ["stock", "hemlock"] as const;
type Variant = (typeof VARIANTS)[number];

let active: Variant | undefined;
async function useWasm(variant: Variant): Promise<void> {
  if (active === variant) return;
  if (variant === "stock") unregisterWasmKernels();
  else registerWasmKernels();
  await tf.setBackend("wasm"); // re-runs the kernels' setup functions
  active = variant;
}

async function benchKernels(rounds: number): Promise<Map<string, Outcome>> {
  const prepared = KERNEL_CASES.map((c) => ({ c, ...c.make() }));
  const contenders: Contender[] = VARIANTS.flatMap((variant) =>
    prepared.map(({ c, inputs, attrs }) => ({
      name: `${variant}|${c.label}`,
      before: () => useWasm(variant),
      run: () => {
        const out = tf.engine().runKernel(c.kernel, inputs, attrs as tf.NamedAttrMap) as tf.Tensor;
        out.dataSync();
        out.dispose();
      },
    })),
  );
  const results = await timeInterleaved(contenders, rounds);
  for (const p of prepared) tf.dispose(Object.values(p.inputs));
  return results;
}

async function benchSteps(rounds: number): Promise<Map<string, Outcome>> {
  const batch = 128;
  const labels = tf.tensor1d(
    Array.from({ length: batch }, (_, i) => i % 10),
    "int32",
  );
  const lossHooks = { loss: (logits: tf.Tensor2D, y: tf.Tensor1D) => meanLoss("cross-entropy", logits, y, 10) };
  const setups = (["mlp", "cnn"] as const).flatMap((kind) =>
    VARIANTS.map((variant) => {
      const model =
        kind === "mlp"
          ? buildMlp({ inputShape: [784], hidden: [256], classes: 10, seed: 1 })
          : buildBadnetsCnn({ inputShape: [28, 28, 1], classes: 10, seed: 1 });
      const optimizer = buildOptimizer({ name: "sgd", lr: 0.01, momentum: 0.9, weightDecay: 0 });
      const x = tf.randomUniform(kind === "mlp" ? [batch, 784] : [batch, 28, 28, 1], 0, 1, "float32", 2);
      return { kind, variant, model, optimizer, x };
    }),
  );
  const results = await timeInterleaved(
    setups.map((s) => ({
      name: `${s.variant}|${s.kind}`,
      before: () => useWasm(s.variant),
      // The step every Hemlock model trains with.
      run: () => trainingStep(s.model, lossHooks, s.optimizer, s.x, labels, 0.01),
    })),
    rounds,
    // Steady state, as in a training loop: the first steps after a switch warm the caches.
    { block: 8, warmup: 2 },
  );
  for (const s of setups) {
    s.model.dispose();
    s.optimizer.dispose();
    s.x.dispose();
  }
  labels.dispose();
  return results;
}

const ok = (o: Outcome | undefined): o is { ms: number } => o !== undefined && "ms" in o;
const gflops = (flops: number, o: Outcome | undefined) => (ok(o) ? flops / o.ms / 1e6 : 0);

async function main(): Promise<void> {
  const loaded = await loadBackend("wasm");
  if (!loaded.ok) throw new Error(`wasm backend unavailable: ${loaded.reason}`);
  console.log(
    `bench/kernels: ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, tfjs ${tf.version_core}, wasm\n`,
  );

  const kernelTimes = await benchKernels(5);
  type KernelResult = { ms: number; gflops: number } | { error: string };
  const kernelResult = (c: (typeof KERNEL_CASES)[number], v: Variant): KernelResult => {
    const o = kernelTimes.get(`${v}|${c.label}`);
    return ok(o) ? { ms: o.ms, gflops: gflops(c.flops, o) } : { error: o?.error ?? "not run" };
  };
  const kernels = KERNEL_CASES.map((c) => ({
    kernel: c.label,
    stock: kernelResult(c, "stock"),
    hemlock: kernelResult(c, "hemlock"),
  }));
  console.log("kernel".padEnd(60), "stock".padStart(22), "hemlock".padStart(22));
  for (const k of kernels) {
    const cell = (v: Variant) => {
      const r = k[v];
      return "error" in r ? "not registered" : `${r.gflops.toFixed(1)} GFLOP/s ${r.ms.toFixed(1)}ms`;
    };
    console.log(k.kernel.padEnd(60), cell("stock").padStart(22), cell("hemlock").padStart(22));
  }

  const stepTimes = await benchSteps(4);
  type StepResult = { ms: number; samplesPerSecond: number } | { error: string };
  const stepResult = (kind: "mlp" | "cnn", v: Variant): StepResult => {
    const o = stepTimes.get(`${v}|${kind}`);
    return ok(o) ? { ms: o.ms, samplesPerSecond: (128 * 1000) / o.ms } : { error: o?.error ?? "not run" };
  };
  const steps = (["mlp", "cnn"] as const).map((kind) => ({
    model: kind === "mlp" ? "MLP 784-256-10" : "BadNets CNN",
    stock: stepResult(kind, "stock"),
    hemlock: stepResult(kind, "hemlock"),
  }));
  console.log(`\n${"training step, batch 128, SGD momentum 0.9".padEnd(60)}`);
  for (const s of steps) {
    const cell = (v: Variant) => {
      const r = s[v];
      return "error" in r ? "fails (no kernel)" : `${r.samplesPerSecond.toFixed(0)} samples/s ${r.ms.toFixed(1)}ms`;
    };
    console.log(s.model.padEnd(60), cell("stock").padStart(22), cell("hemlock").padStart(22));
  }

  // Targets from the foundation issue. The plain product reuses one weight matrix, so XNNPACK's
  // packed-weight cache flatters it: a strict reference.
  const hemlockMs = (label: string | undefined) => {
    const o = kernelTimes.get(`hemlock|${label}`);
    return ok(o) ? o.ms : Number.POSITIVE_INFINITY;
  };
  const plainMs = hemlockMs(KERNEL_CASES[0]?.label);
  const targets = [KERNEL_CASES[1], KERNEL_CASES[2]].map((c) => {
    const ratio = hemlockMs(c?.label) / plainMs;
    return {
      target: `${c?.label.split(":")[0]} within 1.5x of plain`,
      value: `${ratio.toFixed(2)}x`,
      pass: ratio <= 1.5,
    };
  });
  const mlpStock = stepTimes.get("stock|mlp");
  const mlpHemlock = stepTimes.get("hemlock|mlp");
  const speedup = ok(mlpStock) && ok(mlpHemlock) ? mlpStock.ms / mlpHemlock.ms : 0;
  targets.push({
    target: "MLP step >= 5x the stock wasm backend",
    value: `${speedup.toFixed(1)}x`,
    pass: speedup >= 5,
  });
  const cnn = stepTimes.get("hemlock|cnn");
  targets.push({ target: "BadNets CNN trains on wasm", value: ok(cnn) ? "yes" : (cnn?.error ?? "?"), pass: ok(cnn) });
  console.log("\ntargets");
  for (const t of targets) console.log(`  ${t.pass ? "PASS" : "FAIL"}  ${t.target}: ${t.value}`);

  const resultsDir = new URL("../results/", import.meta.url);
  await mkdir(resultsDir, { recursive: true });
  const record = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model,
    kernels,
    steps,
    targets,
  };
  await writeFile(new URL("kernels.json", resultsDir), `${JSON.stringify(record, null, 2)}\n`);
  if (targets.some((t) => !t.pass)) process.exitCode = 1;
}

await main();
