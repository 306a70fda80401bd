/**
 * From an experiment file to a plan: parse and validate the file, expand the grid, resolve every
 * plugin, load each dataset once (for its checksums, which enter every cell's identity) and build
 * the artifact DAG. Nothing is trained here; everything impossible is refused here.
 */
import { canonicalJson, loadDataset } from "@hemlock/core";
import { expandGrid } from "../cells/expand-grid.js";
import { type DatasetFacts, resolveCells } from "../cells/resolve-cells.js";
import { type ParsedExperiment, parseExperiment } from "../experiment-file/parse-experiment.js";
import { readSpecFile } from "../experiment-file/spec-source.js";
import { type ArtifactPlan, planArtifacts } from "./artifact-plan.js";
import { type CodeVersion, codeVersion } from "./code-version.js";

export interface ExperimentPlan extends ArtifactPlan {
  parsed: ParsedExperiment;
  code: CodeVersion;
  backend: string;
}

export async function planExperiment(
  file: string,
  options: { backend: string; dataDir?: string },
): Promise<ExperimentPlan> {
  const parsed = parseExperiment(await readSpecFile(file));
  const raw = expandGrid(parsed);
  // Resolve once to learn the datasets, load each once, then resolve again with what the data
  // rules out (domains, input shapes, labels), so impossible cells are refused before any runs.
  const checksums = new Map<string, string[]>();
  const facts = new Map<string, DatasetFacts>();
  for (const dataset of new Map(resolveCells(parsed, raw).map((c) => [canonicalJson(c.dataset), c.dataset])).values()) {
    const splits = await loadDataset(dataset, {
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      where: `${file}: dataset ${dataset.name}`,
      // What is learned here (files, shapes, classes, sizes) is the same for every draw.
      seed: 0,
    });
    checksums.set(canonicalJson(dataset), splits.train.sources.map((s) => s.sha256).sort());
    facts.set(canonicalJson(dataset), {
      name: dataset.name,
      domain: splits.train.domain.kind,
      exampleShape: splits.train.exampleShape,
      classes: splits.train.classes,
      testSize: splits.test.labels.length,
    });
  }
  const cells = resolveCells(parsed, raw, (dataset) => facts.get(canonicalJson(dataset)));
  const code = codeVersion();
  const plan = planArtifacts(cells, {
    datasetChecksums: (dataset) => checksums.get(canonicalJson(dataset)) ?? [],
    code: { version: code.version, gitSha: code.gitSha },
    backend: options.backend,
  });
  return { ...plan, parsed, code, backend: options.backend };
}
