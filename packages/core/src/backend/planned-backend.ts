/**
 * The backend a run would choose, named without starting it, for commands that only plan (its
 * name is part of every cell's identity). A named backend is taken as named. For auto, tfjs-node
 * comes first when its native binding is on disk, and then only loading it tells whether the
 * binding works, so the backend is selected for real; otherwise auto means wasm, a regular
 * dependency that loads wherever WebAssembly runs, and nothing is loaded at all.
 */
import type { BackendChoice, BackendName } from "./backend-name.js";
import { tfjsNodeBindingPresent } from "./native-binding.js";
import { selectBackend } from "./select-backend.js";

export async function plannedBackend(choice: BackendChoice): Promise<BackendName> {
  if (choice !== "auto") return choice;
  if (!tfjsNodeBindingPresent()) return "wasm";
  return (await selectBackend("auto")).name;
}
