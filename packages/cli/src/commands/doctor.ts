/**
 * `hemlock doctor`: Node's version, the compute backend that would be used and why each other
 * is not, the data directory and its datasets, the store, the default worker count, and Redis.
 * Exits 1 when something required is broken, and says what to do.
 */
import pc from "picocolors";
import { checkBackends } from "../doctor/check-backends.js";
import { checkData } from "../doctor/check-data.js";
import { checkNode } from "../doctor/check-node.js";
import { checkRedis } from "../doctor/check-redis.js";
import type { CheckSection, CheckStatus } from "../doctor/check-result.js";
import { checkStore } from "../doctor/check-store.js";
import { checkWorkers } from "../doctor/check-workers.js";
import { flag, text } from "../options/option-values.js";
import { type OptionValues, optionTable } from "../options/shared-tables.js";

export const OPTIONS = optionTable({ json: flag, redisUrl: text, queuePrefix: text });

export async function run(_args: string[], options: OptionValues<typeof OPTIONS.shape>): Promise<number> {
  const { backend, dataDir, json, redisUrl, queuePrefix } = options;
  const sections: CheckSection[] = [
    checkNode(),
    await checkBackends(backend),
    await checkData(dataDir),
    await checkStore(),
    checkWorkers(),
    await checkRedis(redisUrl, queuePrefix),
  ];
  const failed = sections.some((s) => s.status === "fail");
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: !failed, sections }, null, 2)}\n`);
  } else {
    process.stdout.write(render(sections));
    process.stdout.write(
      failed
        ? `\n${pc.red("Something required is broken; see the fixes above.")}\n`
        : `\n${pc.green("Hemlock is ready.")}\n`,
    );
  }
  return failed ? 1 : 0;
}

const MARK: Record<CheckStatus, string> = { ok: pc.green("✓"), warn: pc.yellow("!"), fail: pc.red("✗") };

function render(sections: CheckSection[]): string {
  const lines: string[] = [];
  for (const s of sections) {
    lines.push(`${MARK[s.status]} ${pc.bold(s.title.padEnd(8))} ${s.summary}`);
    const width = Math.max(0, ...s.items.map((i) => i.label.length));
    for (const item of s.items) {
      lines.push(`    ${MARK[item.status]} ${item.label.padEnd(width)}  ${item.detail}`);
      if (item.fix !== undefined && item.status !== "ok") lines.push(`      ${pc.dim("→")} ${item.fix}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
