/**
 * bench/cli: how long `hemlock` takes to start and finish the commands that should answer at
 * once: --help, --version, a command's --help, the plugin listings, and `plan` of the quickstart
 * (which parses the file, resolves every plugin and reads the datasets' checksums, training
 * nothing; with no store, and with a finished quickstart's store when HEMLOCK_BENCH_STORE names
 * one). Each is run as a user runs it (a new `node packages/cli/dist/bin.js` process, output
 * discarded), in interleaved rounds so drift in machine speed hits every command alike; the median
 * and range of the wall times, and the peak RSS of one run, are reported against the 300 ms target.
 * Writes bench/results/cli-startup.json. Run: pnpm bench:cli
 */
import { spawn, spawnSync } from "node:child_process";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeResult } from "../real-data-bench.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("../../packages/cli/dist/bin.js", import.meta.url));
const TARGET_MS = 300;
const ROUNDS = Number(process.env.HEMLOCK_BENCH_ROUNDS ?? 9);

const COMMANDS: Record<string, string[]> = {
  "--help": ["--help"],
  "--version": ["--version"],
  "run --help": ["run", "--help"],
  attacks: ["attacks"],
  defenses: ["defenses"],
  // A first plan (no store yet) and, when HEMLOCK_BENCH_STORE names the store of a finished
  // quickstart run, a plan that reads every cell's status from it.
  "plan experiments/quickstart.yaml (no store)": [
    "plan",
    "experiments/quickstart.yaml",
    "--db",
    join(tmpdir(), "hemlock-bench-no-store.db"),
  ],
  ...(process.env.HEMLOCK_BENCH_STORE
    ? {
        "plan experiments/quickstart.yaml (finished store)": [
          "plan",
          "experiments/quickstart.yaml",
          "--db",
          process.env.HEMLOCK_BENCH_STORE,
        ],
      }
    : {}),
};

function once(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    child.on("exit", (code) =>
      code === 0
        ? resolve(performance.now() - start)
        : reject(new Error(`hemlock ${args.join(" ")} exited ${code}: ${stderr}`)),
    );
  });
}

/** Peak RSS of one run, from GNU time when the machine has it. */
function peakRssMb(args: string[]): number | null {
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, BIN, ...args], { cwd: REPO, encoding: "utf8" });
  const kb = Number(r.stderr?.trim().split("\n").pop());
  return r.status === 0 && Number.isFinite(kb) ? Math.round(kb / 1024) : null;
}

async function main(): Promise<void> {
  // The floor: a Node process that does nothing, measured the same way.
  const baseline = { "node (empty script)": ["-e", ""] };
  const samples = new Map<string, number[]>();
  const runOnce = (args: string[], bare: boolean) =>
    bare
      ? new Promise<number>((resolve) => {
          const start = performance.now();
          spawn(process.execPath, args, { stdio: "ignore" }).on("exit", () => resolve(performance.now() - start));
        })
      : once(args);
  const all = [
    ...Object.entries(baseline).map(([n, a]) => [n, a, true] as const),
    ...Object.entries(COMMANDS).map(([n, a]) => [n, a, false] as const),
  ];
  for (const [, args, bare] of all) await runOnce(args, bare); // warm the file cache
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, args, bare] of all) samples.set(name, [...(samples.get(name) ?? []), await runOnce(args, bare)]);
  const rows = all.map(([name, args, bare]) => {
    const s = [...(samples.get(name) ?? [])].sort((a, b) => a - b);
    const medianMs = Math.round(s[Math.floor(s.length / 2)] as number);
    return {
      command: bare ? name : `hemlock ${name}`,
      medianMs,
      minMs: Math.round(s[0] as number),
      maxMs: Math.round(s[s.length - 1] as number),
      peakRssMb: bare ? null : peakRssMb(args),
      ...(bare ? {} : { pass: medianMs < TARGET_MS }),
    };
  });
  const machine = { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, node: process.version };
  for (const r of rows)
    console.log(
      `${r.command.padEnd(42)} ${String(r.medianMs).padStart(5)} ms (${r.minMs}-${r.maxMs})${r.peakRssMb !== null ? `, ${r.peakRssMb} MB` : ""}${"pass" in r ? (r.pass ? "  pass" : "  MISS") : ""}`,
    );
  await writeResult("cli-startup.json", {
    date: new Date().toISOString(),
    machine,
    rounds: ROUNDS,
    targetMs: TARGET_MS,
    rows,
  });
}

await main();
