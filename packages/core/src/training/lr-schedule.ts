/** The learning rate at a given step, from the base rate and the schedule. */
import type { ScheduleConfig } from "./train-config.js";

export function learningRateAt(
  schedule: ScheduleConfig,
  baseLr: number,
  step: number,
  totalSteps: number,
  epoch: number,
): number {
  switch (schedule.name) {
    case "constant":
      return baseLr;
    case "cosine":
      return 0.5 * baseLr * (1 + Math.cos((Math.PI * step) / Math.max(1, totalSteps)));
    case "step":
      return baseLr * schedule.gamma ** Math.floor(epoch / schedule.every);
  }
}
