/**
 * A typed registry of plugins (datasets, models, attacks, defenses), in the spirit of tfjs-core's
 * kernel registry: filled explicitly from a literal list, a duplicate name throws, and an unknown
 * name gets an error listing what exists, with a "did you mean". Registries are per thread, so
 * worker threads import the built-ins too.
 */
import { HemlockError } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";

export interface Plugin {
  /** The id used in specs and on the command line, kebab-case. */
  name: string;
  /** One line: what it is. */
  summary: string;
  /** The paper or source it implements, as a reference a reader can find. */
  citation: string;
}

export class Registry<P extends Plugin> {
  private readonly plugins = new Map<string, P>();

  /** @param kind what the registry holds, singular ("dataset"), for messages */
  constructor(readonly kind: string) {}

  register(plugin: P): void {
    if (this.plugins.has(plugin.name)) {
      throw new HemlockError("DUPLICATE_NAME", `${this.kind} "${plugin.name}" is already registered`);
    }
    this.plugins.set(plugin.name, plugin);
  }

  has(name: string): boolean {
    return this.plugins.has(name);
  }

  /** The named plugin, or a HemlockError naming `where` (e.g. "dataset.name") and the choices. */
  get(name: string, where = `${this.kind}`): P {
    const plugin = this.plugins.get(name);
    if (plugin !== undefined) return plugin;
    const known = [...this.plugins.keys()].sort();
    const suggestion = didYouMean(name, known);
    throw new HemlockError(
      "UNKNOWN_NAME",
      `${where}: unknown ${this.kind} "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
      `Known ${this.kind}s: ${known.join(", ")}.`,
    );
  }

  list(): P[] {
    return [...this.plugins.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}

/**
 * Registers each plugin of a literal list. The same plugin object again is a no-op (a module
 * imported twice, as the built-ins are by every worker entry); another plugin under a name
 * already taken is a DUPLICATE_NAME error, never silently dropped.
 */
export function registerAll<P extends Plugin>(registry: Registry<P>, plugins: readonly P[]): void {
  for (const plugin of plugins) {
    if (registry.has(plugin.name) && registry.get(plugin.name) === plugin) continue;
    registry.register(plugin);
  }
}
