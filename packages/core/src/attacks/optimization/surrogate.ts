/**
 * The surrogate model of attacks that optimize against a model (ALFA, label-consistent, feature
 * collision): a model spec and a training configuration in the attack's parameters, trained on
 * the clean training set with a seed derived from the attack's, so the poison is fixed by its seed.
 * Both are checked with the attack's parameters, so a grid naming an unknown surrogate model or a
 * bad training field is refused when it is planned, not when the cell runs.
 */
import { z } from "zod";
import type { Dataset } from "../../datasets/dataset.js";
import { Classifier } from "../../models/classifier.js";
import { models } from "../../models/model-registry.js";
import { deriveSeed } from "../../random/seeded-random.js";
import { didYouMean } from "../../registry/did-you-mean.js";
import { schemaKeysAt } from "../../registry/schema-keys.js";
import { trainConfigSchema } from "../../training/train-config.js";

/** The parameters an attack with a surrogate declares, with that attack's defaults. */
export function surrogateParams(defaults: { model: string; train: Record<string, unknown> }) {
  return {
    /** The surrogate's model spec, e.g. {name: mlp, hidden: [128]}. */
    surrogate: z.looseObject({ name: z.string() }).default({ name: defaults.model }).superRefine(checkModelSpec),
    /** How the surrogate is trained (the `train` block of an experiment). */
    surrogateTrain: z
      .record(z.string(), z.unknown())
      .default(defaults.train)
      .superRefine((train, ctx) => copyIssues(trainConfigSchema, train, ctx)),
  };
}

/** The surrogate names a registered model, with parameters that model accepts. */
function checkModelSpec({ name, ...params }: { name: string }, ctx: z.RefinementCtx): void {
  if (!models.has(name)) {
    const known = models.list().map((m) => m.name);
    const suggestion = didYouMean(name, known);
    ctx.addIssue({
      code: "custom",
      path: ["name"],
      message: `unknown model "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ` (models: ${known.join(", ")})`}`,
      // The message names the value already.
      params: { describesValue: true },
    });
    return;
  }
  copyIssues(models.get(name).params, params, ctx);
}

/**
 * Another schema's issues as this field's, kind and all, an unknown key with the closest key that
 * schema takes (the outer schema cannot see into a model's parameters).
 */
function copyIssues(schema: z.ZodType, value: unknown, ctx: z.RefinementCtx): void {
  for (const issue of schema.safeParse(value).error?.issues ?? []) {
    const suggestion =
      issue.code === "unrecognized_keys" && issue.keys.length === 1
        ? didYouMean(issue.keys[0] as string, schemaKeysAt(schema, issue.path))
        : undefined;
    const message = suggestion ? `${issue.message}; did you mean "${suggestion}"?` : issue.message;
    ctx.addIssue({ ...issue, message } as Parameters<z.RefinementCtx["addIssue"]>[0]);
  }
}

export function trainSurrogate(
  data: Dataset,
  params: { surrogate: { name: string } & Record<string, unknown>; surrogateTrain: Record<string, unknown> },
  seed: number,
  where: string,
): Classifier {
  const surrogateSeed = deriveSeed(seed, "surrogate");
  const model = Classifier.create(
    params.surrogate,
    { inputShape: data.exampleShape, classes: data.classes, seed: surrogateSeed },
    `${where}.surrogate`,
  );
  try {
    model.fit(data, params.surrogateTrain, { seed: surrogateSeed, where: `${where}.surrogateTrain` });
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}
