/**
 * The `none` control (the baseline kind): no defense; the model trains on the whole training set.
 * Every defense table has this arm, the undefended result the others are measured against.
 */
import { z } from "zod";
import { defineDefense } from "../define-defense.js";

export const noDefense = defineDefense({
  name: "none",
  summary: "control: no defense; the model trains on the whole training set",
  citation: "The undefended baseline of every defense evaluation.",
  kind: "baseline",
  params: z.object({}).strict(),
  needs: [],
  requires: [],
});
