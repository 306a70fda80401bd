/**
 * The training configuration, as written in experiment files: epochs, batch size, optimizer
 * (SGD with momentum and weight decay, or Adam), learning-rate schedule, and an optional
 * validation split with early stopping. Validated with zod; defaults follow common practice.
 */
import { z } from "zod";

export const optimizerSchema = z.discriminatedUnion("name", [
  z
    .object({
      name: z.literal("sgd"),
      lr: z.number().positive().default(0.01),
      momentum: z.number().min(0).lt(1).default(0.9),
      /** L2 penalty added to the gradient (coupled, as PyTorch's SGD). */
      weightDecay: z.number().min(0).default(0),
    })
    .strict(),
  z
    .object({
      name: z.literal("adam"),
      lr: z.number().positive().default(0.001),
      beta1: z.number().min(0).lt(1).default(0.9),
      beta2: z.number().min(0).lt(1).default(0.999),
      epsilon: z.number().positive().default(1e-7),
      weightDecay: z.number().min(0).default(0),
    })
    .strict(),
]);

export const scheduleSchema = z.discriminatedUnion("name", [
  z.object({ name: z.literal("constant") }).strict(),
  /** Cosine decay from lr to 0 over all steps (Loshchilov, Hutter 2017, without restarts). */
  z.object({ name: z.literal("cosine") }).strict(),
  /** Multiply lr by gamma every `every` epochs. */
  z
    .object({
      name: z.literal("step"),
      every: z.number().int().positive(),
      gamma: z.number().positive().max(1).default(0.1),
    })
    .strict(),
]);

export const trainConfigSchema = z
  .object({
    epochs: z.number().int().positive().default(10),
    batchSize: z.number().int().positive().default(128),
    optimizer: optimizerSchema.default({ name: "sgd", lr: 0.01, momentum: 0.9, weightDecay: 0 }),
    schedule: scheduleSchema.default({ name: "constant" }),
    /** Share of the training set held out (stratified, seeded) to monitor and stop early. */
    validationSplit: z.number().min(0).lt(1).default(0),
    earlyStopping: z
      .object({
        metric: z.enum(["loss", "accuracy"]).default("loss"),
        patience: z.number().int().positive().default(3),
        /** Put back the weights of the best epoch when training stops. */
        restoreBest: z.boolean().default(true),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((c) => c.earlyStopping === undefined || c.validationSplit > 0, {
    message: "earlyStopping needs a validationSplit above 0",
    path: ["earlyStopping"],
  });

export type TrainConfig = z.output<typeof trainConfigSchema>;
export type OptimizerConfig = z.output<typeof optimizerSchema>;
export type ScheduleConfig = z.output<typeof scheduleSchema>;
