/**
 * The `perfect-filter` control: removes exactly the poisoned examples, reading the ground truth
 * that no real defense has, and so bounds what any filtering defense can achieve.
 */
import { z } from "zod";
import { defineDefense } from "../define-defense.js";

export const perfectFilter = defineDefense({
  name: "perfect-filter",
  summary: "control: removes exactly the poisoned examples (reads the ground-truth mask)",
  citation: "The oracle sanitizer, an upper bound on filtering defenses (e.g. Steinhardt, Koh, Liang 2017).",
  kind: "sanitize",
  params: z.object({}).strict(),
  needs: ["poison-mask"],
  requires: [],
  sanitize: (_params, { mask }) => {
    const removed = Uint8Array.from(mask as Uint8Array);
    return { scores: Float32Array.from(removed), removed };
  },
});
