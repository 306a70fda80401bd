/**
 * `hemlock attack NAME --dataset D --rate R --out DIR`: poisons the training split and writes
 * x.npy, labels.npy and mask.npy (the ground truth for detectors) with poison.json recording the
 * attack, its resolved semantics, the compute backend, the dataset spec, counts, the targets of a targeted attack,
 * what the attack's own optimization reached, the metric-spec version and the sha256 of each file.
 */
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { loadDataset, METRIC_SPEC_VERSION, npyBytes, poisonDataset } from "@hemlock/core";
import { z } from "zod";
import { selectBackendOption } from "../backend-option.js";
import { resolveDataDirOption } from "../data-dir-option.js";
import { integer, jsonObject, poisoningRate, text } from "../options/option-values.js";
import { type OptionValues, optionTable } from "../options/shared-tables.js";

export const OPTIONS = optionTable({
  /** A dataset name, or a JSON spec such as {"name": "mnist", "subset": 1000}. */
  dataset: text.transform((value, ctx): Record<string, unknown> => {
    if (!value.trim().startsWith("{")) return { name: value };
    const spec = jsonObject.safeParse(value);
    if (spec.success) return spec.data;
    for (const issue of spec.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  }),
  rate: poisoningRate,
  out: text,
  params: jsonObject,
  seed: integer,
});

export async function run(args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const name = args[0] as string;
  const datasetSpec = options.dataset as { name: string };
  const { rate, seed, params } = options;
  const { dir: dataDir } = resolveDataDirOption(options.dataDir);
  // Attacks that train a surrogate or run PGD compute with tfjs; the backend is recorded.
  const backend = await selectBackendOption(options);

  const { train, test } = await loadDataset(datasetSpec, { dataDir, where: "--dataset" });
  // The test split goes along for targeted attacks, which pick their targets in it.
  const result = poisonDataset({ ...params, name }, train, { rate, seed, where: "attack", test });
  const out = resolve(options.out);
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
