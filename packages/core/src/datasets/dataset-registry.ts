/** The registry of datasets. Filled by register-builtins.ts. */
import { Registry } from "../registry/registry.js";
import type { DatasetPlugin } from "./define-dataset.js";

export const datasets = new Registry<DatasetPlugin>("dataset");
