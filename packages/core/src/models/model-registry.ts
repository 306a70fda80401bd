/** The registry of models. Filled by register-builtins.ts. */
import { Registry } from "../registry/registry.js";
import type { ModelPlugin } from "./define-model.js";

export const models = new Registry<ModelPlugin>("model");
