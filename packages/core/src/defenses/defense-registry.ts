/** The registry of defenses. Filled by register-builtins.ts. */
import { Registry } from "../registry/registry.js";
import type { DefensePlugin } from "./define-defense.js";

export const defenses = new Registry<DefensePlugin>("defense");
