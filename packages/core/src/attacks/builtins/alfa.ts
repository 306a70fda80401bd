/**
 * Adversarial label flips against linear models, in the spirit of ALFA (Xiao, Xiao, Eckert 2012):
 * choose the flips that most raise the loss of the model retrained on them. ALFA alternates two
 * steps; with psi the losses of the model trained on clean labels and xi those of the model
 * trained on the current flips, each example's flip to label c costs
 *   (xi(i, c) - psi(i, c)) - (xi(i, y_i) - psi(i, y_i)),
 * low when the clean model finds c wrong but the tainted model has come to accept it. The budget
 * goes to the lowest-cost flips, the surrogate is retrained on them, and the rounds repeat; the
 * first round, with no tainted model yet, flips the examples the clean model is surest of. The flip
 * set kept is the one whose retrained model has the highest loss on the true labels.
 */
import { z } from "zod";
import { applyPoison } from "../crafting/apply-poison.js";
import { defineAttack } from "../define-attack.js";
import { surrogateParams, trainSurrogate } from "../optimization/surrogate.js";
import { poisonSemanticsSchema, semanticsOf } from "../poison-semantics.js";

export const alfa = defineAttack({
  name: "alfa",
  summary: "adversarial label flips: greedy flips that maximize the retrained linear model's loss",
  citation: "H. Xiao, H. Xiao, C. Eckert. Adversarial label flips attack on support vector machines. ECAI 2012.",
  kind: "label-flip",
  domains: ["image", "tabular"],
  params: z
    .object({
      ...poisonSemanticsSchema,
      rateOf: z.literal("all").default("all"),
      mode: z.literal("replace").default("replace"),
      ...surrogateParams({
        model: "linear-svm",
        train: { epochs: 10, batchSize: 128, optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 } },
      }),
      /** Rounds of flip selection and retraining after the first. */
      rounds: z.number().int().min(0).max(50).default(4),
    })
    .strict(),
  poison: (clean, params, { rate, seed, alloc, where }) => {
    const semantics = semanticsOf(params, rate);
    const n = clean.labels.length;
    const K = clean.classes;
    const budget = Math.round(rate * n);
    const truth = clean.labels;
    const cleanModel = trainSurrogate(clean, params, seed, where);
    const psi = cleanModel.lossForEveryLabel(clean);
    cleanModel.dispose();

    /** The budget's cheapest flips under a per-(example, label) cost, as a label array. */
    const select = (cost: (i: number, c: number) => number): Int32Array => {
      const best = new Int32Array(n);
      const bestCost = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let arg = -1;
        let low = Infinity;
        for (let c = 0; c < K; c++) {
          if (c === truth[i]) continue;
          const value = cost(i, c);
          if (value < low) {
            low = value;
            arg = c;
          }
        }
        best[i] = arg;
        bestCost[i] = low;
      }
      // Stable order (cost, then index), so the selection is fixed by the data alone.
      const order = [...best.keys()].sort((a, b) => (bestCost[a] as number) - (bestCost[b] as number) || a - b);
      const labels = Int32Array.from(truth);
      for (const i of order.slice(0, budget)) labels[i] = best[i] as number;
      return labels;
    };

    const at = (losses: Float32Array, i: number, c: number) => losses[i * K + c] as number;
    let flips = select((i, c) => at(psi, i, truth[i] as number) - at(psi, i, c));
    let chosen = flips;
    let chosenLoss = -Infinity;
    for (let round = 0; round <= params.rounds && budget > 0; round++) {
      const tainted = trainSurrogate({ ...clean, labels: flips }, params, seed + round + 1, where);
      const xi = tainted.lossForEveryLabel(clean);
      tainted.dispose();
      let lossOnTruth = 0;
      for (let i = 0; i < n; i++) lossOnTruth += at(xi, i, truth[i] as number);
      lossOnTruth /= n;
      if (lossOnTruth > chosenLoss) {
        chosenLoss = lossOnTruth;
        chosen = flips;
      }
      if (round === params.rounds) break;
      flips = select(
        (i, c) => at(xi, i, c) - at(psi, i, c) - (at(xi, i, truth[i] as number) - at(psi, i, truth[i] as number)),
      );
    }
    const indices = Int32Array.from([...chosen.keys()].filter((i) => chosen[i] !== truth[i]));
    const poisoned = applyPoison(clean, indices, "replace", alloc, undefined, (_, i) => chosen[i] as number);
    return {
      ...poisoned,
      semantics,
      ...(budget > 0 ? { diagnostics: { retrainedLossOnTrueLabels: chosenLoss } } : {}),
    };
  },
});
