/**
 * bench/suite: Hemlock against its peer, PyTorch on the CPU (bench/peers/torch_peer.py), side by
 * side in one run, in interleaved rounds (Hemlock, PyTorch, Hemlock, PyTorch, ...) so drift in the
 * machine's speed hits both alike; each figure is the median over rounds, with the spread.
 *   1. the limit: GFLOP/s of a dense 128x784 . 784x256 float32 product (tfjs-wasm: XNNPACK, SIMD128;
 *      PyTorch: one thread);
 *   2. training throughput, samples/s at batch 128 (SGD, momentum 0.9, lr 0.01) on MNIST training
 *      images, for logistic regression, the MLP (784-256-10), the BadNets CNN and the small ResNet;
 *      Hemlock on every backend that loads, PyTorch on one thread; each also as a share of its
 *      own GEMM ceiling (training FLOPs per sample, 3x the forward pass, times samples/s).
 * Writes bench/results/suite-<date>.json and the tables between the bench:suite markers in
 * docs/performance.md. Run: HEMLOCK_DATA_DIR=../shared/data pnpm bench:side-by-side (about 10 minutes).
 * HEMLOCK_BENCH_ROUNDS sets the rounds (default 3); HEMLOCK_TORCH_PYTHON the interpreter.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import {
  BACKEND_NAMES,
  type BackendName,
  buildOptimizer,
  Classifier,
  loadBackend,
  loadDataset,
  meanLoss,
  trainingStep,
} from "@hemlock/core";
import * as tf from "@tensorflow/tfjs";
import { writeResult } from "../real-data-bench.js";
import { writePerformanceSection } from "./performance-docs.js";
import { SMOKE } from "./smoke.js";

const ROUNDS = SMOKE ? 1 : Number(process.env.HEMLOCK_BENCH_ROUNDS ?? 3);
const PYTHON = process.env.HEMLOCK_TORCH_PYTHON ?? "/usr/bin/python3";
const PEER = fileURLToPath(new URL("../peers/torch_peer.py", import.meta.url));
const BATCH = 128;
const GEMM_FLOPS = 2 * 128 * 784 * 256;

/** Forward FLOPs per example of each model (multiply-adds x 2), for the share of the ceiling. */
const FORWARD_FLOPS: Record<string, number> = {
  "logistic-regression": 2 * 784 * 10,
  mlp: 2 * (784 * 256 + 256 * 10),
  // conv1 24x24x16 (5x5x1), conv2 8x8x32 (5x5x16), fc 512x512, logits 512x10
  "badnets-cnn": 2 * (24 * 24 * 16 * 25 + 8 * 8 * 32 * 25 * 16 + 512 * 512 + 512 * 10),
  // stem 14x14x16 (3x3x1); blocks 1-2: 2 convs 14x14x16 (3x3x16) each; block 3: 7x7x32 (3x3x16),
  // 7x7x32 (3x3x32), projection 7x7x32 (1x1x16); block 4: 2 convs 7x7x32 (3x3x32); logits 32x10
  "resnet-small":
    2 * (196 * 16 * 9 + 4 * 196 * 16 * 144 + 49 * 32 * 144 + 49 * 32 * 288 + 49 * 32 * 16 + 2 * 49 * 32 * 288 + 320),
};
const MODELS: { name: string; spec: Record<string, unknown>; steps: number }[] = [
  { name: "logistic-regression", spec: { name: "logistic-regression" }, steps: 400 },
  { name: "mlp", spec: { name: "mlp", hidden: [256] }, steps: 100 },
  { name: "badnets-cnn", spec: { name: "badnets-cnn" }, steps: 12 },
  { name: "resnet-small", spec: { name: "resnet-small" }, steps: 8 },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const spread = (xs: number[]) => ({ min: Math.min(...xs), max: Math.max(...xs) });

function peer(args: string[]): Record<string, number | string | string[]> {
  return JSON.parse(
    execFileSync(PYTHON, [PEER, ...args], { encoding: "utf8" })
      .trim()
      .split("\n")
      .pop() as string,
  );
}

function timeMs(run: () => void, reps: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function hemlockGemm(): number {
  const a = tf.randomUniform([128, 784]);
  const b = tf.randomUniform([784, 256]);
  const ms = timeMs(() => tf.matMul(a, b).dataSync(), 200, 20);
  tf.dispose([a, b]);
  return GEMM_FLOPS / (ms / 1e3) / 1e9;
}

function hemlockTraining(
  spec: Record<string, unknown>,
  steps: number,
  batches: { x: tf.Tensor; y: tf.Tensor1D }[],
): number {
  const classifier = Classifier.create(spec as { name: string }, { inputShape: [28, 28, 1], classes: 10, seed: 1 });
  const optimizer = buildOptimizer({ name: "sgd", lr: 0.01, momentum: 0.9, weightDecay: 0 });
  const hooks = { loss: (logits: tf.Tensor2D, y: tf.Tensor1D) => meanLoss(classifier.plugin.loss, logits, y, 10) };
  let i = 0;
  const step = () => {
    const batch = batches[i++ % batches.length] as { x: tf.Tensor; y: tf.Tensor1D };
    trainingStep(classifier.model, hooks, optimizer, batch.x, batch.y, 0.01);
  };
  const ms = timeMs(step, steps, 3);
  optimizer.dispose();
  classifier.dispose();
  return (BATCH * 1000) / ms;
}

function machine() {
  const info = readFileSync("/proc/cpuinfo", "utf8");
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*)$`, "m").exec(info)?.[1] ?? "unknown";
  const flags = field("flags").split(" ");
  return {
    cpu: field("model name"),
    family: field("cpu family"),
    model: field("model"),
    cores: cpus().length,
    simd: ["avx2", "avx512f", "fma", "sse4_2"].filter((f) => flags.includes(f)),
    node: process.version,
  };
}

async function main(): Promise<void> {
  const dataDir = process.env.HEMLOCK_DATA_DIR;
  const backends: BackendName[] = [];
  for (const name of BACKEND_NAMES) if ((await loadBackend(name)).ok) backends.push(name);
  // The smoke run (suite/smoke.ts) times Hemlock only, a few steps of each model.
  const probe = SMOKE ? { torch: "not run", blas: [] } : peer(["gemm", "--reps", "5"]);
  const torchVersion = String(probe.torch);
  const blas = (probe.blas as string[]).join(", ") || "none found";
  console.log(
    `bench/suite: ${machine().cpu}, backends ${backends.join(", ")}, PyTorch ${torchVersion} (1 thread, BLAS ${blas})`,
  );

  const gemm: Record<string, number[]> = {};
  const training: Record<string, Record<string, number[]>> = {};
  const add = (table: Record<string, number[]>, key: string, value: number) => {
    table[key] = [...(table[key] ?? []), value];
  };
  // The same MNIST images for both (the first 20 batches), or uniform noise without the data.
  let batches: { x: tf.Tensor; y: tf.Tensor1D }[] = [];
  const makeBatches = async () => {
    if (!dataDir) {
      batches = Array.from({ length: 20 }, (_, i) => ({
        x: tf.randomUniform([BATCH, 28, 28, 1], 0, 1, "float32", i),
        y: tf.tensor1d(
          Array.from({ length: BATCH }, (_, j) => j % 10),
          "int32",
        ),
      }));
      return;
    }
    const { train } = await loadDataset({ name: "mnist", subset: 20 * BATCH * 3 }, { dataDir });
    batches = Array.from({ length: 20 }, (_, i) => ({
      x: tf.tensor4d(train.x.subarray(i * BATCH * 784, (i + 1) * BATCH * 784), [BATCH, 28, 28, 1]),
      y: tf.tensor1d(train.labels.subarray(i * BATCH, (i + 1) * BATCH), "int32"),
    }));
  };

  for (let round = 0; round < ROUNDS; round++) {
    for (const backend of backends) {
      await tf.setBackend(backend);
      tf.dispose(batches.flatMap((b) => [b.x, b.y]));
      await makeBatches();
      if (backend !== "cpu") add(gemm, `hemlock ${backend}`, hemlockGemm());
      for (const m of MODELS) {
        // The pure-JS cpu backend takes tens of seconds per convolutional step.
        if (backend === "cpu" && (m.name === "badnets-cnn" || m.name === "resnet-small")) continue;
        training[m.name] ??= {};
        add(
          training[m.name] as Record<string, number[]>,
          `hemlock ${backend}`,
          hemlockTraining(m.spec, SMOKE ? 2 : m.steps, batches),
        );
      }
    }
    if (SMOKE) continue;
    add(gemm, "pytorch", Number(peer(["gemm", "--reps", "200"]).gflops));
    for (const m of MODELS) {
      const out = peer([
        "train",
        "--model",
        m.name,
        "--steps",
        String(m.steps),
        ...(dataDir ? ["--data", dataDir] : []),
      ]);
      add(training[m.name] as Record<string, number[]>, "pytorch", Number(out.samplesPerSecond));
    }
    console.log(`round ${round + 1}/${ROUNDS} done`);
  }

  const ceiling = Object.fromEntries(
    Object.entries(gemm).map(([k, v]) => [k, { gflops: median(v), ...spread(v), rounds: v }]),
  );
  const ceilingOf = (who: string) => ceiling[who === "pytorch" ? "pytorch" : who]?.gflops;
  const trainingRows = Object.entries(training).flatMap(([model, byWho]) =>
    Object.entries(byWho).map(([who, values]) => {
      const samples = median(values);
      const achieved = (samples * 3 * (FORWARD_FLOPS[model] as number)) / 1e9;
      const own = ceilingOf(who);
      return {
        model,
        who,
        samplesPerSecond: samples,
        ...spread(values),
        rounds: values,
        gflops: achieved,
        shareOfOwnCeiling: own ? achieved / own : null,
        vsPytorch: samples / median(byWho.pytorch ?? [Number.NaN]),
      };
    }),
  );
  const date = new Date().toISOString();
  const record = {
    date,
    machine: machine(),
    torch: torchVersion,
    rounds: ROUNDS,
    data: dataDir ? "mnist" : "uniform noise",
    ceiling,
    training: trainingRows,
  };
  await writeResult(`suite-${date.slice(0, 10)}.json`, record);

  const f0 = (x: number) => x.toFixed(0);
  const f1 = (x: number) => x.toFixed(1);
  const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? "" : `${(100 * x).toFixed(0)}%`);
  const wasmCeiling = ceiling["hemlock wasm"]?.gflops;
  const torchCeiling = ceiling.pytorch?.gflops;
  const lines = writePerformanceSection("suite", "bench/suite/side-by-side.bench.ts", [
    `Run of ${date.slice(0, 16).replace("T", " ")} UTC: ${record.machine.cpu} (family ${record.machine.family}, model ${record.machine.model}; ${record.machine.simd.join(", ")}), ${record.machine.cores} cores, Node ${record.machine.node}, PyTorch ${torchVersion} on 1 thread (BLAS: ${blas}), ${ROUNDS} interleaved rounds, ${record.data} at batch ${BATCH}. Medians over rounds, range in brackets. Reproduce: \`HEMLOCK_DATA_DIR=../shared/data pnpm bench:side-by-side\`; record \`bench/results/suite-${date.slice(0, 10)}.json\`.`,
    "",
    "**The limit: dense GEMM, 128×784 · 784×256 float32**",
    "",
    "| | GFLOP/s | |",
    "|---|---|---|",
    ...Object.entries(ceiling).map(
      ([who, c]) =>
        `| ${who} | **${f1(c.gflops)}** (${f1(c.min)}–${f1(c.max)}) | ${who === "pytorch" || !torchCeiling ? "" : `${pct(c.gflops / torchCeiling)} of PyTorch`} |`,
    ),
    "",
    "**Training throughput, samples/s (SGD with momentum, batch 128)**",
    "",
    "| model | who | samples/s | vs PyTorch | effective GFLOP/s | share of its own GEMM ceiling |",
    "|---|---|---|---|---|---|",
    ...trainingRows.map(
      (r) =>
        `| ${r.model} | ${r.who} | **${f0(r.samplesPerSecond)}** (${f0(r.min)}–${f0(r.max)}) | ${r.who === "pytorch" ? "" : pct(r.vsPytorch)} | ${f1(r.gflops)} | ${pct(r.shareOfOwnCeiling)} |`,
    ),
    "",
    `Effective GFLOP/s counts 3× the forward FLOPs per example (the forward pass and the two products of the backward one); the share compares it with the same side's GEMM ceiling above${wasmCeiling ? ` (wasm ${f1(wasmCeiling)}, PyTorch ${f1(torchCeiling ?? Number.NaN)} GFLOP/s)` : ""}, so it says how much of what the hardware gives that side is used: convolutions and small layers run below a large GEMM's rate on both.`,
  ]);
  console.log(lines.slice(2, -2).join("\n"));
  tf.dispose(batches.flatMap((b) => [b.x, b.y]));
}

await main();
