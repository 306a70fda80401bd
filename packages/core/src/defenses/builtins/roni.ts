/**
 * RONI, Reject On Negative Impact (Nelson et al. 2008): an example is suspicious when adding it to
 * a small training set makes the learner worse. In each of `trials` rounds a training sample T and
 * a validation sample V are drawn from the training set; the learner is fitted on T and on
 * T + {example}, and the example's impact is the change in accuracy on V, averaged over the rounds
 * whose samples do not contain it (rounds continue until every example has `trials`). Examples whose mean impact is below -threshold are removed;
 * the score is minus the impact.
 *
 * The learner is fitted exactly (Newton-CG, float64), logistic regression or a smoothed linear SVM,
 * warm-started from T's optimum for each example: RONI refits once per example per round, so it is
 * meant for small models and datasets, and for the linear cells it defends it is their own model.
 */
import { z } from "zod";
import { gatherBatch } from "../../datasets/labeled-arrays.js";
import { HemlockError } from "../../errors.js";
import { SeededRandom } from "../../random/seeded-random.js";
import { fitLinear, type LinearData, linearAccuracy, linearData } from "../../training/linear-learner.js";
import { defineDefense } from "../define-defense.js";

export const roni = defineDefense({
  name: "roni",
  summary: "removes examples whose addition to small training samples lowers validation accuracy (for small models)",
  citation:
    "B. Nelson, M. Barreno, F.J. Chi, A.D. Joseph, B.I.P. Rubinstein, U. Saini, C. Sutton, J.D. Tygar, K. Xia. Exploiting machine learning to subvert your spam filter. LEET 2008.",
  kind: "sanitize",
  params: z
    .object({
      learner: z.enum(["logistic", "svm"]).default("logistic"),
      /** Regularization as in (1/2)||w||^2 + C sum_i loss_i. */
      C: z.number().positive().default(1),
      trials: z.number().int().min(1).max(100).default(5),
      trainingSize: z.number().int().min(2).default(50),
      validationSize: z.number().int().min(1).default(100),
      /**
       * Mean validation-accuracy drop beyond which an example is rejected: 0.02 is two of the
       * default 100 validation examples, above the one-example jitter a clean point near the
       * boundary causes.
       */
      threshold: z.number().min(0).max(1).default(0.02),
    })
    .strict(),
  needs: [],
  requires: [],
  sanitize: (params, { train, seed, where }) => {
    const n = train.labels.length;
    if (params.trainingSize + params.validationSize >= n)
      throw new HemlockError(
        "INVALID_PARAMS",
        `${where}: trainingSize ${params.trainingSize} + validationSize ${params.validationSize} must be below the ${n} training examples`,
      );
    const loss = params.learner === "svm" ? { tau: 0.05, margin: 1 } : { tau: 1, margin: 0 };
    const lambda = 1 / (params.C * (params.trainingSize + 1));
    const all = linearData(train);
    const d = all.d;
    const r = new SeededRandom(seed);
    const impactSum = new Float64Array(n);
    const rounds = new Int32Array(n);
    // Every example is measured in `trials` rounds whose samples leave it out: rounds go on,
    // for the examples still short of that, until none is.
    let round = 0;
    for (; round < 20 * params.trials && rounds.some((k) => k < params.trials); round++) {
      const order = r.permutation(n);
      const sampled = order.subarray(0, params.trainingSize);
      const held = order.subarray(params.trainingSize, params.trainingSize + params.validationSize);
      const validation = linearData({ ...train, ...gatherBatch(train, held) });
      // T's rows followed by one slot for the example under test.
      const base = gatherBatch(train, sampled);
      const withSlot: LinearData = {
        x: new Float32Array((params.trainingSize + 1) * d),
        labels: new Int32Array(params.trainingSize + 1),
        d,
        classes: train.classes,
      };
      withSlot.x.set(base.x);
      withSlot.labels.set(base.labels);
      const w0 = fitLinear({ x: base.x, labels: base.labels, d, classes: train.classes }, loss, lambda);
      const baseline = linearAccuracy(w0, validation);
      const inSample = new Uint8Array(n);
      for (const i of order.subarray(0, params.trainingSize + params.validationSize)) inSample[i] = 1;
      for (let i = 0; i < n; i++) {
        if (inSample[i] === 1 || (rounds[i] as number) >= params.trials) continue;
        withSlot.x.set(all.x.subarray(i * d, (i + 1) * d), params.trainingSize * d);
        withSlot.labels[params.trainingSize] = all.labels[i] as number;
        const w = fitLinear(withSlot, loss, lambda, w0);
        impactSum[i] = (impactSum[i] as number) + linearAccuracy(w, validation) - baseline;
        rounds[i] = (rounds[i] as number) + 1;
      }
    }
    const scores = new Float32Array(n);
    const removed = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const impact = (impactSum[i] as number) / (rounds[i] as number);
      scores[i] = -impact;
      if (impact < -params.threshold) removed[i] = 1;
    }
    return { scores, removed, diagnostics: { rounds: round } };
  },
});
