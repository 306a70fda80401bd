/** The registry of attacks. Filled by register-builtins.ts. */
import { Registry } from "../registry/registry.js";
import type { AttackPlugin } from "./define-attack.js";

export const attacks = new Registry<AttackPlugin>("attack");
