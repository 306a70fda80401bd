/** `hemlock attacks`: the attack registry with kinds, parameters (defaults from zod) and citations. */
import { attacks } from "@hemlock/core";
import pc from "picocolors";
import { z } from "zod";

export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const entries = attacks.list().map((a) => {
    const schema = z.toJSONSchema(a.params, { io: "input" }) as {
      properties?: Record<string, { default?: unknown; type?: string; enum?: unknown[]; const?: unknown }>;
    };
    const params = Object.entries(schema.properties ?? {}).map(([name, p]) => ({
      name,
      type:
        p.const !== undefined
          ? JSON.stringify(p.const)
          : p.enum
            ? p.enum.map((e) => JSON.stringify(e)).join("|")
            : (p.type ?? "object"),
      default: p.default,
    }));
    return { name: a.name, kind: a.kind, domains: a.domains, summary: a.summary, citation: a.citation, params };
  });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    return 0;
  }
  for (const e of entries) {
    process.stdout.write(
      `${pc.bold(e.name)}  ${pc.dim(`${e.kind}, ${e.domains.join("/")} data`)}\n  ${e.summary}\n  ${pc.dim(e.citation)}\n`,
    );
    for (const p of e.params) {
      const dflt = p.default === undefined ? "" : ` = ${JSON.stringify(p.default)}`;
      process.stdout.write(`    ${p.name}: ${p.type}${dflt}\n`);
    }
    process.stdout.write("\n");
  }
  return 0;
}
