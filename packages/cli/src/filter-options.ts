/**
 * The options that select results for the reading commands (leaderboard, compare, export, plot,
 * publish), as the command table declares them. Only their declarations: the command table is
 * read by `--help` and by every command, so this file loads commander alone, never the store
 * (result-filter.ts turns the values into the store's CellFilter).
 */
import { Option } from "commander";

export const filterOptions = [
  () => new Option("--experiment <name>", "only this experiment's cells (default: every cell in the store)"),
  () => new Option("--dataset <label>", "only this dataset (a label, or a plugin name matching its variants)"),
  () => new Option("--model <label>", "only this model"),
  () => new Option("--attack <label>", 'only this attack ("none" for clean training)'),
  () => new Option("--rate <r>", "only this poisoning rate"),
];
