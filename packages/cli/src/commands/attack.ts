/**
 * `hemlock attack NAME --dataset D --rate R --out DIR`: poisons the training split and writes
 * x.npy, labels.npy and mask.npy (the ground truth for detectors) with poison.json recording the
 * attack, its resolved semantics, the compute backend, the dataset spec, counts, the targets of a targeted attack,
 * what the attack's own optimization reached, the metric-spec version and the sha256 of each file.
 */
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  checkPoisoningRate,
  HemlockError,
  loadDataset,
  METRIC_SPEC_VERSION,
  npyBytes,
  poisonDataset,
} from "@hemlock/core";
import { selectBackendOption } from "../backend-option.js";
import { resolveDataDirOption } from "../data-dir-option.js";

function parseJson(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HemlockError("INVALID_ARGUMENT", `${option}: expected JSON, got ${JSON.stringify(text)}`);
  }
}

export async function run(args: string[], options: Record<string, unknown>): Promise<number> {
  const name = args[0] as string;
  const datasetOption = String(options.dataset);
  const datasetSpec = datasetOption.trim().startsWith("{")
    ? (parseJson(datasetOption, "--dataset") as { name: string })
    : { name: datasetOption };
  const rate = checkPoisoningRate(options.rate, "--rate");
  const seed = Number(options.seed);
  if (!Number.isInteger(seed))
    throw new HemlockError("INVALID_ARGUMENT", `--seed: expected an integer, got ${JSON.stringify(options.seed)}`);
  const params = parseJson(String(options.params), "--params") as Record<string, unknown>;
  const { dir: dataDir } = resolveDataDirOption(options.dataDir as string | undefined);
  // Attacks that train a surrogate or run PGD compute with tfjs; the backend is recorded.
  const backend = await selectBackendOption(options);

  const { train, test } = await loadDataset(datasetSpec, { dataDir, where: "--dataset" });
  // The test split goes along for targeted attacks, which pick their targets in it.
  const result = poisonDataset({ ...params, name }, train, { rate, seed, where: "attack", test });
  const out = resolve(String(options.out));
  await mkdir(out, { recursive: true });
  const n = result.train.labels.length;
  const files: Record<string, Uint8Array> = {
    "x.npy": npyBytes(result.train.x, [n, ...result.train.exampleShape]),
    "labels.npy": npyBytes(result.train.labels, [n]),
    "mask.npy": npyBytes(result.mask, [n]),
  };
  for (const [file, bytes] of Object.entries(files)) await writeFile(join(out, file), bytes);
  const poisoned = result.mask.reduce((a, b) => a + b, 0);
  const record = {
    attack: { name, params, seed },
    backend: backend.name,
    semantics: result.semantics,
    dataset: { spec: datasetSpec, split: "train", sources: train.sources, classes: train.classNames },
    examples: n,
    poisoned,
    ...(result.targets
      ? {
          targets: {
            split: "test",
            indices: [...result.targets.indices],
            intendedLabels: [...result.targets.intendedLabels],
          },
        }
      : {}),
    ...(result.diagnostics ? { diagnostics: result.diagnostics } : {}),
    metricSpec: METRIC_SPEC_VERSION,
    files: Object.fromEntries(Object.entries(files).map(([f, b]) => [f, createHash("sha256").update(b).digest("hex")])),
  };
  await writeFile(join(out, "poison.json"), `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(
    `${name} at rate ${rate} on ${datasetSpec.name}: ${poisoned} of ${n} training examples poisoned; wrote ${out}/{x,labels,mask}.npy and poison.json\n`,
  );
  return 0;
}
